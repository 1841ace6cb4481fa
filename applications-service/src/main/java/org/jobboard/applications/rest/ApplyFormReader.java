package org.jobboard.applications.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.jobboard.applications.api.ApplyRequest;
import org.jobboard.applications.service.ResumeInspector;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemMappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parts of a multipart apply into a checked apply form: the JSON part {@code application} (read, bound and
 * validated like a JSON apply), and the optional file part {@code resume}, inspected (type from the content, size)
 * before any transaction so that a refused file is never stored. The body's shape was already checked while it
 * arrived ({@link MultipartShape}, in {@link RequestBodyReader}); what is left here is about the parts' meaning:
 * unknown or repeated parts, a missing or invalid application, a resume that is not a file, a resume sent both as the
 * file part and inside the application. Each is a 400 naming the part (or the JSON field inside the application).
 * A JSON apply's base64 resume is inspected here too ({@link #of}), with the same checks.
 */
@ApplicationScoped
public class ApplyFormReader {
    static final String APPLICATION_PART = "application";
    static final String RESUME_PART = "resume";
    /** The application part is at most this large, like a JSON apply's whole body. */
    static final int MAX_APPLICATION_BYTES = 256 * 1024;

    /** A multipart apply's parts, checked: the application and the inspected resume (null when none was sent). */
    public record ApplyForm(ApplyRequest application, ResumeInspector.InspectedResume resume) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ResumeInspector inspector;

    public ApplyForm read(MultipartFormDataInput form) {
        Map<String, Collection<FormValue>> parts = form.getValues();
        for (String name : parts.keySet()) {
            if (!Set.of(APPLICATION_PART, RESUME_PART).contains(name)) {
                throw ApiException.badParameter(name, "unknown part; send 'application' (JSON) and optionally 'resume'");
            }
        }
        ApplyRequest application = application(single(parts, APPLICATION_PART));
        FormValue resume = single(parts, RESUME_PART);
        if (resume == null) {
            return of(application);
        }
        if (application.resume() != null) {
            throw ApiException.badParameter(RESUME_PART, "sent twice: as the 'resume' part and inside the application; "
                    + "send it once");
        }
        return new ApplyForm(application, inspect(resume));
    }

    /** A JSON apply (or an application part carrying its resume as base64): the decoded resume, inspected. */
    public ApplyForm of(ApplyRequest application) {
        return new ApplyForm(application,
                application.resume() == null ? null : inspector.inspect(application.resume().content()));
    }

    private static FormValue single(Map<String, Collection<FormValue>> parts, String name) {
        Collection<FormValue> values = parts.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badParameter(name, "must be sent once");
        }
        return values.iterator().next();
    }

    private ApplyRequest application(FormValue part) {
        if (part == null) {
            throw ApiException.badParameter(APPLICATION_PART, "is required: the application as JSON");
        }
        ApplyRequest request;
        try {
            String body = part.isFileItem() ? readText(part) : part.getValue();
            request = json.readValue(body, ApplyRequest.class);
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                throw ProblemMappers.invalidJson(e); // names the field inside the application
            }
            // the part as a whole: not JSON at all, or not a JSON object
            throw ApiException.badParameter(APPLICATION_PART, e instanceof JsonMappingException
                    ? "must be a JSON object: the application" : "is not valid JSON");
        }
        if (request == null) {
            throw ApiException.badParameter(APPLICATION_PART, "is required: the application as JSON");
        }
        Set<ConstraintViolation<ApplyRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static String readText(FormValue part) {
        try (InputStream in = part.getFileItem().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_APPLICATION_BYTES + 1);
            if (bytes.length > MAX_APPLICATION_BYTES) {
                throw ApiException.tooLarge(APPLICATION_PART + ": must be at most 256 KB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResumeInspector.InspectedResume inspect(FormValue part) {
        if (!part.isFileItem()) {
            throw ApiException.badParameter(RESUME_PART, "must be a file");
        }
        try {
            if (part.getFileItem().isInMemory()) {
                try (InputStream in = part.getFileItem().getInputStream()) {
                    return inspector.inspect(in.readAllBytes());
                }
            }
            return inspector.inspect(part.getFileItem().getFile(), part.getFileItem().getFileSize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

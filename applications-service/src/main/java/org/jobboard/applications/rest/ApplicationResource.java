package org.jobboard.applications.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.service.ApplicationService;
import org.jobboard.applications.service.DuplicateApplicationException;
import org.jobboard.applications.service.PipelineService;
import org.jobboard.applications.service.ResumeInspector;
import org.jobboard.applications.service.SubmissionService;
import org.jobboard.platform.idempotency.Idempotency;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {
    static final String APPLICATION_PART = "application";
    static final String RESUME_PART = "resume";

    @Inject
    ApplicationService service;

    @Inject
    SubmissionService submissions;

    @Inject
    PipelineService pipeline;

    @Inject
    ResumeInspector inspector;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    /** Personal data: never kept by a shared cache or the browser's. */
    static final CacheControl NO_STORE = CacheControl.valueOf("private, no-store");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Candidates: apply to a published posting (JSON, no resume)")
    @APIResponse(responseCode = "201", description = "The application, in candidate terms")
    @APIResponse(responseCode = "409", description = "Posting closed/expired, or an active application exists (existingApplicationId)")
    @APIResponse(responseCode = "422", description = "Unknown or external posting; answers not fitting the form (answers.<questionId>)")
    public Response apply(@Valid @NotNull ApplyRequest request,
            @Parameter(description = "Replays the first response for 24 h") @HeaderParam(Idempotency.HEADER) String key) {
        return submit(request, null, key);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Candidates: apply with a resume: part 'application' (JSON) and optional part 'resume' "
            + "(PDF, DOCX, DOC, RTF or TXT, at most 5 MB, type decided from the content)")
    @APIResponse(responseCode = "201", description = "The application, in candidate terms")
    @APIResponse(responseCode = "413", description = "The resume is larger than 5 MB")
    @APIResponse(responseCode = "415", description = "The resume's content is not an accepted type")
    public Response applyWithResume(
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ApplyMultipart.class)))
            MultipartFormDataInput form,
            @Parameter(description = "Replays the first response for 24 h") @HeaderParam(Idempotency.HEADER) String key) {
        Map<String, Collection<FormValue>> parts = form.getValues();
        for (String name : parts.keySet()) {
            if (!Set.of(APPLICATION_PART, RESUME_PART).contains(name)) {
                throw ApiException.badParameter(name, "unknown part; send 'application' (JSON) and optionally 'resume'");
            }
        }
        ApplyRequest request = applicationPart(single(parts, APPLICATION_PART));
        FormValue resumePart = single(parts, RESUME_PART);
        // inspected before any transaction: a refused file (413/415/422) is never stored
        ResumeInspector.InspectedResume resume = resumePart == null ? null : inspect(resumePart);
        return submit(request, resume, key);
    }

    /** What the Idempotency-Key compares: the application and the resume's digest. */
    record Fingerprint(ApplyRequest application, String resumeSha256) {
    }

    private Response submit(ApplyRequest request, ResumeInspector.InspectedResume resume, String key) {
        Object fingerprint = resume == null ? request : new Fingerprint(request, resume.sha256());
        try {
            return idempotency.execute(caller.subject(), key, fingerprint, () -> {
                CandidateApplicationView created = submissions.submit(request, resume);
                return Response.created(URI.create("/v1/applications/" + created.id()))
                        .tag(Etags.of(created.version())).cacheControl(NO_STORE).entity(created).build();
            });
        } catch (DuplicateApplicationException e) {
            // that transaction is over; the application that won is visible to a new one
            UUID existing = submissions.activeApplicationId(e.postingId(), e.candidateSubject()).orElse(null);
            throw ApiException.conflict("you already have an active application to this posting",
                    existing == null ? Map.of() : Map.of("existingApplicationId", existing.toString()));
        }
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

    private ApplyRequest applicationPart(FormValue part) {
        if (part == null) {
            throw ApiException.badParameter(APPLICATION_PART, "is required: the application as JSON");
        }
        ApplyRequest request;
        try {
            String body = part.isFileItem() ? readText(part) : part.getValue();
            request = json.readValue(body, ApplyRequest.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.invalidJson(e);
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
            byte[] bytes = in.readNBytes(256 * 1024 + 1);
            if (bytes.length > 256 * 1024) {
                throw ApiException.tooLarge(APPLICATION_PART + ": must be at most 256 KB");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
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

    @GET
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Recruiters: applications to your organization's postings, by posting and stage")
    public Response list(@QueryParam("postingId") String postingId, @QueryParam("stage") String stage,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Response page = PageResponses.of(service.listForRecruiter(postingId, stage(stage), cursor, Limits.of(limit)), uri);
        return Response.fromResponse(page).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CANDIDATE, Roles.RECRUITER })
    @Operation(summary = "One application: recruiters of its organization see the pipeline view (answers, resume "
            + "text, history); its candidate sees the candidate view; anyone else gets 404")
    public Response get(@PathParam("id") String id) {
        ApplicationService.Viewed viewed = service.get(id);
        return Response.ok(viewed.view()).tag(Etags.of(viewed.version())).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("/{id}/resume")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.CANDIDATE, Roles.RECRUITER })
    @Operation(summary = "The resume file, as an attachment (its recruiters and its candidate)")
    public Response resume(@PathParam("id") String id) {
        ApplicationService.ResumeFile file = service.resume(id);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                // opened in a browser tab anyway, it runs nothing and loads nothing
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(NO_STORE)
                .build();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Recruiters: move an application (one stage forward, or REJECTED with a reason); If-Match required")
    @APIResponse(responseCode = "409", description = "Not a legal move from the current stage")
    @APIResponse(responseCode = "412", description = "The application changed since you read it")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response transition(@PathParam("id") String id, @Valid @NotNull TransitionRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationService.Viewed viewed = pipeline.transition(id, request, ifMatch);
        return Response.ok(viewed.view()).tag(Etags.of(viewed.version())).cacheControl(NO_STORE).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Candidates: withdraw your open application (If-Match optional)")
    public Response withdraw(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationService.Viewed viewed = pipeline.withdraw(id, ifMatch);
        return Response.ok(viewed.view()).tag(Etags.of(viewed.version())).cacheControl(NO_STORE).build();
    }

    private static Stage stage(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Stage.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("stage", "must be one of " + List.of(Stage.values()));
        }
    }
}

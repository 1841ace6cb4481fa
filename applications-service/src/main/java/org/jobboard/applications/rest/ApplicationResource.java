package org.jobboard.applications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.jobboard.applications.api.ApplicationExamples;
import org.jobboard.applications.api.ApplyRequest;
import org.jobboard.applications.api.CandidateApplicationView;
import org.jobboard.applications.api.RecruiterApplicationPage;
import org.jobboard.applications.api.RecruiterApplicationView;
import org.jobboard.applications.api.TransitionRequest;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.service.ApplicationDetails;
import org.jobboard.applications.service.ApplicationService;
import org.jobboard.applications.service.DuplicateApplicationException;
import org.jobboard.applications.service.PipelineService;
import org.jobboard.applications.service.ResumeInspector;
import org.jobboard.applications.service.SubmissionService;
import org.jobboard.platform.idempotency.Idempotency;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Apply to a posting (JSON, the resume base64 in it, or multipart); recruiters list, read and move applications through the pipeline")
public class ApplicationResource {
    static final String APPLICATION_PART = ApplyFormReader.APPLICATION_PART;
    static final String RESUME_PART = ApplyFormReader.RESUME_PART;

    @Inject
    ApplicationService service;

    @Inject
    SubmissionService submissions;

    @Inject
    PipelineService pipeline;

    @Inject
    ApplyFormReader forms;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    /** Personal data: never kept by a shared cache or the browser's. */
    static final CacheControl NO_STORE = CacheControl.valueOf("private, no-store");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "applyToPosting", summary = "Candidates: apply to a published posting",
            description = "As JSON, with an optional resume inside it (base64, for generated clients), or as "
                    + "multipart/form-data with part 'application' (the same JSON) and optional file part 'resume' "
                    + "(for browsers). A resume is PDF, DOCX, DOC, RTF or TXT, at most 5 MB; the type is decided from "
                    + "the content, a refused file is never stored. Answers are checked against the posting's form; a "
                    + "knockout answer is accepted and rejected by the pipeline. With Idempotency-Key a retry within "
                    + "24 h returns the first response.")
    // application/json first: generators that take one request media type take this one, which carries everything.
    // The multipart schema is inline (no named component only it would use), so such a generator has no model to skip.
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplyRequest.class),
                    examples = { @ExampleObject(name = "Alice, with a resume", value = ApplicationExamples.APPLY_WITH_RESUME),
                            @ExampleObject(name = "Alice", value = ApplicationExamples.APPLY) }),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = APPLICATION_PART,
                            description = "The application as a JSON part and, optionally, the resume as a file part",
                            properties = {
                                    // by reference: an inline copy would be a model only the multipart body uses
                                    @SchemaProperty(name = APPLICATION_PART, ref = "ApplicationInput",
                                            description = "The application (JSON), without 'resume' when the file part is sent"),
                                    @SchemaProperty(name = RESUME_PART, type = SchemaType.STRING, format = "binary",
                                            maxLength = 5242880, description = "PDF, DOCX, DOC, RTF or TXT, at most 5 MB; "
                                                    + "the type is decided from the content") }),
                    encoding = { @Encoding(name = APPLICATION_PART, contentType = MediaType.APPLICATION_JSON),
                            @Encoding(name = RESUME_PART, contentType = "application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/msword, application/rtf, text/plain") },
                    examples = @ExampleObject(name = "Alice, without the file", value = "{\"application\": " + ApplicationExamples.APPLY + "}")) })
    @APIResponse(responseCode = "201", description = "The application, in candidate terms; Location names it "
            + "(GET /v1/me/applications/{id})",
            headers = { @Header(name = "Location", description = "The new application's URL, in the candidate's space",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2048)),
                    @Header(name = "ETag", ref = "ETag") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateApplicationView.class),
                    examples = @ExampleObject(name = "submitted", value = ApplicationExamples.CANDIDATE_APPLICATION)))
    @APIResponse(responseCode = "400", description = "Invalid fields (errors name each; resume.content that is not "
            + "base64), a resume sent both inside the application and as the 'resume' part (errors name resume), or a "
            + "malformed multipart body: no usable boundary, empty, without its closing delimiter, more than 20 parts, "
            + "oversized part headers, unknown or repeated parts, a missing or invalid 'application' part, a 'resume' "
            + "that is not a file")
    @APIResponse(responseCode = "408", description = "No byte of the body arrived for 30 s (a slow but steady upload is fine)")
    @APIResponse(responseCode = "409", description = "Posting closed/expired (postingStatus), or an active application "
            + "exists (existingApplicationId)")
    @APIResponse(responseCode = "503", description = "Too many uploads in progress; retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3600")))
    @APIResponse(responseCode = "413", description = "The resume is larger than 5 MB, the application part larger than "
            + "256 KB, or the body larger than allowed")
    @APIResponse(responseCode = "415", description = "The resume's content is not an accepted type, or the body is neither JSON nor multipart")
    @APIResponse(responseCode = "422", description = "Unknown or external posting; answers not fitting the form "
            + "(answers.<questionId>); an empty resume; the Idempotency-Key was used with another body")
    public Response apply(@Valid @NotNull ApplyRequest request,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String key) {
        ApplyFormReader.ApplyForm apply = forms.of(request);
        return submit(apply.application(), apply.resume(), key);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(hidden = true) // documented with apply: one operation, two request media types
    public Response applyWithResume(MultipartFormDataInput form,
            @Parameter(description = "Replays the first response for 24 h") @HeaderParam(Idempotency.HEADER) String key) {
        ApplyFormReader.ApplyForm apply = forms.read(form);
        return submit(apply.application(), apply.resume(), key);
    }

    /**
     * What the Idempotency-Key compares when a resume came: the application without the resume's bytes, and their
     * SHA-256 (bytes by content, not by identity; and a 5 MB file is not serialized again to be hashed).
     */
    record Fingerprint(ApplyRequest application, String resumeSha256) {
    }

    private Response submit(ApplyRequest request, ResumeInspector.InspectedResume resume, String key) {
        Object fingerprint = resume == null ? request : new Fingerprint(request.withoutResumeContent(), resume.sha256());
        try {
            return idempotency.execute(caller.subject(), key, fingerprint, () -> {
                ApplicationDetails details = submissions.submit(ApplicationApiMapper.submission(request), resume);
                CandidateApplicationView created = ApplicationApiMapper.candidateView(details);
                // the candidate reads it in their own space, in the terms of this response
                return Response.created(URI.create(ApplicationApiMapper.candidateHref(created.id())))
                        .tag(Etags.of(created.version())).cacheControl(NO_STORE).entity(created).build();
            });
        } catch (DuplicateApplicationException e) {
            // that transaction is over; the application that won is visible to a new one
            UUID existing = submissions.activeApplicationId(e.postingId(), e.candidateSubject()).orElse(null);
            throw ApiException.conflict("you already have an active application to this posting",
                    existing == null ? Map.of() : Map.of("existingApplicationId", existing.toString()));
        }
    }

    @GET
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "listApplications", summary = "Recruiters: applications to your organization's postings",
            description = "Newest first, optionally of one posting and one stage; cursor-paged with Link: rel=\"next\". "
                    + "Lists leave out the resume text and the history (read one application for them).")
    @APIResponse(responseCode = "200", description = "A page of applications, in recruiter terms",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecruiterApplicationPage.class),
                    examples = @ExampleObject(name = "page", value = ApplicationExamples.RECRUITER_PAGE)))
    @APIResponse(responseCode = "404", description = "postingId is not a posting of your organization")
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 100, an unknown stage, or a malformed cursor")
    public Response list(
            @Parameter(description = "Only applications to this posting", example = "01a2206e-e027-759f-9c09-ec6468d522f6",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @QueryParam("postingId") String postingId,
            @Parameter(description = "Only applications in this stage", schema = @Schema(implementation = Stage.class))
            @QueryParam("stage") String stage,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limit) {
        Response page = PageResponses.of(ApplicationApiMapper.recruiterPage(
                service.listForRecruiter(postingId, stage(stage), cursor, Limits.of(limit))), uri);
        return Response.fromResponse(page).cacheControl(NO_STORE).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "getApplication", summary = "Recruiters: read an application",
            description = "The pipeline view of an application to your organization's postings: stage, reject reason, "
                    + "answers, the resume with its extracted text, the whole history. Candidates read theirs with "
                    + "GET /v1/me/applications/{id}. Never cached (no-store).")
    @APIResponse(responseCode = "200", description = "The application, in recruiter terms",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecruiterApplicationView.class),
                    examples = @ExampleObject(name = "screening", value = ApplicationExamples.RECRUITER_APPLICATION)))
    @APIResponse(responseCode = "404", description = "No application with this id to your organization's postings")
    public Response get(@Parameter(description = "The application's id", example = "01a2206f-4360-7cdd-b8da-0faab1f5f6f3", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        ApplicationDetails details = service.getForRecruiter(id);
        return Response.ok(ApplicationApiMapper.recruiterView(details)).tag(Etags.of(details.version()))
                .cacheControl(NO_STORE).build();
    }

    @GET
    @Path("/{id}/resume")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.CANDIDATE, Roles.RECRUITER })
    @Operation(operationId = "downloadResume", summary = "Download the resume file",
            description = "Its organization's recruiters and its candidate; as an attachment with the detected type, "
                    + "nosniff and a sandboxing Content-Security-Policy. 404 when the application has no resume.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"...\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 512, pattern = "^attachment; filename=")),
            content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880),
                            examples = @ExampleObject(name = "pdf", summary = "The first bytes of a PDF", value = "%PDF-1.7")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
                    @Content(mediaType = "application/msword", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
                    @Content(mediaType = "application/rtf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)),
                    @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880)) })
    @APIResponse(responseCode = "404", description = "No application with this id that you may see, or it has no resume")
    public Response resume(@Parameter(description = "The application's id", example = "01a2206f-4360-7cdd-b8da-0faab1f5f6f3", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id) {
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
    @Operation(operationId = "transitionApplication", summary = "Recruiters: move an application through the pipeline",
            description = "One stage forward (APPLIED, SCREENING, INTERVIEW, OFFER, HIRED), or REJECTED with a reason; "
                    + "an optional internal note. If-Match is required. The candidate sees the new status in "
                    + "candidate terms, never the note or the reason.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionRequest.class),
            examples = { @ExampleObject(name = "forward", value = ApplicationExamples.TRANSITION),
                    @ExampleObject(name = "reject", value = ApplicationExamples.REJECTION) }))
    @APIResponse(responseCode = "200", description = "The application after the move, in recruiter terms",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecruiterApplicationView.class),
                    examples = @ExampleObject(name = "screening", value = ApplicationExamples.RECRUITER_APPLICATION)))
    @APIResponse(responseCode = "404", description = "No application with this id to your organization's postings")
    @APIResponse(responseCode = "409", description = "Not a legal move from the current stage (stage names it)")
    @APIResponse(responseCode = "412", description = "The application changed since you read it")
    @APIResponse(responseCode = "422", description = "A rejection without a reason, or a reason without a rejection")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response transition(@Parameter(description = "The application's id", example = "01a2206f-4360-7cdd-b8da-0faab1f5f6f3", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id, @Valid @NotNull TransitionRequest request,
            @Parameter(name = HttpHeaders.IF_MATCH, required = true, description = "The ETag you read; 428 when missing, "
                    + "412 when the application changed since", example = "\"0\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "\\S"))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationDetails details = pipeline.transition(id, ApplicationApiMapper.move(request), ifMatch);
        return Response.ok(ApplicationApiMapper.recruiterView(details)).tag(Etags.of(details.version()))
                .cacheControl(NO_STORE).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "withdrawApplication", summary = "Candidates: withdraw your open application",
            description = "The application leaves the pipeline for good. If-Match is optional; when sent it must match.")
    @APIResponse(responseCode = "200", description = "The withdrawn application, in candidate terms",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateApplicationView.class),
                    examples = @ExampleObject(name = "withdrawn", value = ApplicationExamples.WITHDRAWN)))
    @APIResponse(responseCode = "404", description = "No application of yours with this id")
    @APIResponse(responseCode = "409", description = "The application is no longer open (hired, not selected or withdrawn)")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response withdraw(@Parameter(description = "The application's id", example = "01a2206f-4360-7cdd-b8da-0faab1f5f6f3", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationDetails details = pipeline.withdraw(id, ifMatch);
        return Response.ok(ApplicationApiMapper.candidateView(details)).tag(Etags.of(details.version()))
                .cacheControl(NO_STORE).build();
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

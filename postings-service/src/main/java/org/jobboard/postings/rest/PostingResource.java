package org.jobboard.postings.rest;

import org.jobboard.platform.rest.SharedOpenApiComponents;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.idempotency.Idempotency;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.rest.ConditionalRequests;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.api.BatchRequest;
import org.jobboard.postings.api.BatchResult;
import org.jobboard.postings.api.CloseRequest;
import org.jobboard.postings.api.JsonLdSchemas;
import org.jobboard.postings.api.PostingExamples;
import org.jobboard.postings.api.PostingInput;
import org.jobboard.postings.api.PostingPage;
import org.jobboard.postings.api.PostingView;
import org.jobboard.postings.api.PublishRequest;
import org.jobboard.postings.api.Rfc3339Time;
import org.jobboard.postings.service.PostingDetails;
import org.jobboard.postings.service.PostingService;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;

@Path("/v1/postings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Postings", description = "Job postings and their lifecycle: draft, publish, close, reopen; public reads, also as schema.org JobPosting JSON-LD")
public class PostingResource {
    @Inject
    PostingService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    PostingBatchApi batch;

    @Inject
    PostingApiMapper mapper;

    @Inject
    MergePatches patches;

    @Inject
    JobPostingJsonLd jsonLd;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    static final String JSON_LD = "application/ld+json";

    static final String NOT_VISIBLE = "No such posting, or not visible to you (not published, and you are neither a "
            + "recruiter of its organization nor an admin)";

    static final String IF_NONE_MATCH = "The ETag of the copy you hold (weak comparison; a list, or *): 304 without a "
            + "body when it is still current";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "createPosting", summary = "Create a draft posting in your organization",
            description = "Recruiters only; the organization comes from the token. A draft may be incomplete: "
                    + "publishing checks completeness. With Idempotency-Key, a retry within 24 h returns the first "
                    + "response instead of creating another draft.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PostingInput.class),
            examples = @ExampleObject(name = "posting", value = PostingExamples.POSTING_INPUT)))
    @APIResponse(responseCode = "201", description = "The draft; Location names it, ETag is its version",
            headers = { @Header(name = "Location", description = "The new posting's URL", schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2048)),
                    @Header(name = "ETag", ref = "ETag") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "draft", value = PostingExamples.DRAFT)))
    @APIResponse(responseCode = "409", description = "requisitionId is already used by another posting of your organization")
    @APIResponse(responseCode = "422", description = "Your organization is not registered yet (organizationId), or the "
            + "Idempotency-Key was used with another body")
    public Response create(@Valid @NotNull PostingInput input,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(caller.subject(), key, input, () -> {
            PostingView created = mapper.toView(service.create(mapper.toContent(input)));
            return Response.created(URI.create("/v1/postings/" + created.id())).tag(Etags.of(created.version()))
                    .entity(created).build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "createPostingsBatch",
            summary = "Create or update up to 200 postings keyed by requisitionId (ATS sync)",
            description = "Each item is created, updated when its content differs, or left unchanged, in its own "
                    + "transaction; an invalid item fails alone and the answer says why (errorStatus, errors with "
                    + "items[i] paths). With publish=true, drafts that pass the publish checks are published.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchRequest.class),
            examples = @ExampleObject(name = "two items, one invalid", value = PostingExamples.BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "Each item's outcome, in request order, and the counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "outcomes", value = PostingExamples.BATCH_RESULT)))
    @APIResponse(responseCode = "422", description = "Your organization is not registered yet, or the Idempotency-Key "
            + "was used with another body")
    public Response batch(@Valid @NotNull BatchRequest request,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(caller.subject(), key, request,
                () -> Response.ok(batch.upsert(request)).build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPosting", summary = "Read a posting",
            description = "Published postings are public. Drafts, closed and expired ones are visible to their "
                    + "organization's recruiters and to admins (moderation); anyone else gets 404. ETag is the "
                    + "posting's version, for If-Match and If-None-Match. The schema.org JobPosting (JSON-LD) is its "
                    + "own operation, getPostingJsonLd (GET /v1/postings/{id}/json-ld); this URL also answers it to "
                    + "Accept: application/ld+json (Vary: Accept), for pages that ask by content negotiation.")
    @APIResponse(responseCode = "200", description = "The posting",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "published", value = PostingExamples.POSTING)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag (or is *): your copy is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    // read from every header line by ConditionalRequests, so documented here rather than bound as a parameter
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = IF_NONE_MATCH, example = "\"3\"",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    public Response get(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        PostingView posting = mapper.toView(service.get(id));
        return negotiated(posting, Etags.of(posting.version()));
    }

    /**
     * The JSON-LD by content negotiation on the posting's URL, for pages that ask so. Left out of the document: a
     * generated client reads an answer by the first media type documented, so the JSON-LD has its own operation.
     */
    @GET
    @Path("/{id}")
    @Produces(JSON_LD)
    @PermitAll
    @Operation(hidden = true)
    public Response getJsonLdNegotiated(@PathParam("id") String id) {
        PostingDetails posting = service.get(id);
        return negotiated(jsonLd.toEmbeddableJson(posting.posting(), posting.organization()),
                Etags.of(posting.posting().version));
    }

    @GET
    @Path("/{id}/json-ld")
    @Produces(JSON_LD)
    @PermitAll
    @Operation(operationId = "getPostingJsonLd", summary = "Read a posting as schema.org JobPosting (JSON-LD)",
            description = "The posting as Google for Jobs reads it, to embed in a job page's script "
                    + "element of type application/ld+json: <, >, & and U+2028/U+2029 are written as \\u escapes, so no "
                    + "text of the posting can end the script element. Who sees it is as for getPosting: published "
                    + "postings are public, drafts, closed and expired ones visible to their organization's recruiters "
                    + "and to admins. ETag is the posting's version (the same as getPosting's), for If-None-Match.")
    @APIResponse(responseCode = "200", description = "The JobPosting",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = JSON_LD, schema = @Schema(implementation = JsonLdSchemas.JobPosting.class),
                    examples = @ExampleObject(name = "JobPosting", value = PostingExamples.JSON_LD)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag (or is *): your copy is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = IF_NONE_MATCH, example = "\"3\"",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    public Response getJsonLd(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        PostingDetails posting = service.get(id);
        EntityTag tag = Etags.of(posting.posting().version);
        if (ConditionalRequests.notModified(headers, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(jsonLd.toEmbeddableJson(posting.posting(), posting.organization())).tag(tag).build();
    }

    /**
     * If-None-Match: visibility was checked first, so a 304 reveals nothing a 200 would not. Vary: Accept, since the
     * same URL serves JSON and JSON-LD: a cache must not answer one with the other.
     */
    private Response negotiated(Object body, EntityTag tag) {
        if (ConditionalRequests.notModified(headers, tag)) {
            return Response.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return Response.ok(body).tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "patchPosting", summary = "Change a posting (JSON Merge Patch)",
            description = "RFC 7396 merge patch of the writable fields (null removes a field); If-Match with the "
                    + "ETag you read is required. A published posting must keep passing the publish checks and "
                    + "announces the change to search and aggregators.")
    @APIResponse(responseCode = "200", description = "The changed posting; ETag is its new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "changed", value = PostingExamples.POSTING)))
    @APIResponse(responseCode = "409", description = "The new requisitionId is already used by another posting")
    @APIResponse(responseCode = "412", description = "If-Match names another version: read the posting again")
    @APIResponse(responseCode = "422", description = "A published posting would no longer pass the publish checks")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response patch(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @RequestBody(required = true, description = "JSON Merge Patch (RFC 7396) of the writable fields; null removes a field",
                    content = { @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = PostingInput.class),
                            examples = @ExampleObject(name = "retitle", value = PostingExamples.MERGE_PATCH)),
                            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingInput.class),
                                    examples = @ExampleObject(name = "retitle", value = PostingExamples.MERGE_PATCH)) })
            JsonNode patch,
            @Parameter(name = HttpHeaders.IF_MATCH, required = true, description = SharedOpenApiComponents.IF_MATCH_REQUIRED, example = "\"3\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "\\S")) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        // the checks in the order a client fixes them: who (403/404), which version (428/412), what (400, 409, 422)
        PostingDetails current = service.getWritable(id);
        long version = current.posting().version;
        IfMatch.requireMatch(ifMatch, version);
        MergePatches.requireObject(patch);
        PostingInput patched = patches.apply(mapper.toInput(current.posting().content()), patch, PostingInput.class);
        PostingView posting = mapper.toView(service.update(id, mapper.toContent(patched), version));
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "publishPosting", summary = "Publish a draft",
            description = "Runs the publish checks (completeness, pay-transparency rules of the locations' "
                    + "jurisdictions); 422 names every failing field. validThrough defaults to 30 days, at most 180. "
                    + "If-Match is optional; when sent it must match.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishRequest.class),
            examples = @ExampleObject(name = "until", value = PostingExamples.PUBLISH)))
    @APIResponse(responseCode = "200", description = "The published posting",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "published", value = PostingExamples.POSTING)))
    @APIResponse(responseCode = "409", description = "Not a draft (already published, closed or expired: reopen it)")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "The publish checks fail; errors names every failing field")
    public Response publish(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id, @Valid PublishRequest body,
            @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = mapper.toView(service.publish(id, ifMatch, body == null ? null : body.validThrough()));
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "closePosting", summary = "Close a published posting, with a reason",
            description = "Search drops it and aggregators see it closed. If-Match is optional; when sent it must match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseRequest.class),
            examples = @ExampleObject(name = "filled", value = PostingExamples.CLOSE)))
    @APIResponse(responseCode = "200", description = "The closed posting",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "closed", value = PostingExamples.CLOSED)))
    @APIResponse(responseCode = "409", description = "Not published (a draft, or already closed or expired)")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response close(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id, @Valid @NotNull CloseRequest body,
            @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = mapper.toView(service.close(id, ifMatch, body.reason()));
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "reopenPosting", summary = "Publish a closed or expired posting again",
            description = "Needs a new validThrough (at most 180 days ahead) and passes the publish checks again. "
                    + "If-Match is optional; when sent it must match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishRequest.class),
            examples = @ExampleObject(name = "until", value = PostingExamples.PUBLISH)))
    @APIResponse(responseCode = "200", description = "The published posting",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingView.class),
                    examples = @ExampleObject(name = "published", value = PostingExamples.POSTING)))
    @APIResponse(responseCode = "409", description = "Neither closed nor expired")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "422", description = "The publish checks fail; errors names every failing field")
    public Response reopen(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id, @Valid @NotNull PublishRequest body,
            @Parameter(ref = "If-Match") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = mapper.toView(service.reopen(id, ifMatch, body.validThrough()));
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "deletePosting", summary = "Delete a draft",
            description = "Only drafts can be deleted (close a published posting instead); If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@Parameter(description = "The posting's id", example = "01a2206e-e027-759f-9c09-ec6468d522f6", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @Parameter(name = HttpHeaders.IF_MATCH, required = true, description = SharedOpenApiComponents.IF_MATCH_REQUIRED, example = "\"3\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "\\S")) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPostings", summary = "List postings",
            description = "Recruiters list their organization's postings (any status, or those asked for); admins "
                    + "list every organization's (any status, or those asked for: moderation); everyone else lists "
                    + "published postings. Newest change first, cursor-paged; Link: rel=\"next\" when more follow.")
    @APIResponse(responseCode = "200", description = "A page of postings",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostingPage.class),
                    examples = @ExampleObject(name = "page", value = PostingExamples.POSTING_PAGE)))
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 100, or the cursor is malformed or belongs to another list")
    public Response list(
            @Parameter(description = "Statuses (any of); repeat or comma-separate. Anyone but recruiters and admins: PUBLISHED only",
                    explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, implementation = PostingStatus.class, maxItems = 4))
            @QueryParam("status") List<String> status,
            @Parameter(description = "RFC 3339; only postings changed since", example = "2026-11-28T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 64))
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limit) {
        Page<PostingDetails> page = service.list(statuses(status), instant("updatedSince", updatedSince), cursor,
                Limits.of(limit));
        return PageResponses.of(new Page<>(page.items().stream().map(mapper::toView).toList(), page.nextCursor()), uri);
    }

    /** Distinct and in a fixed order, so that status=PUBLISHED&status=PUBLISHED is the public list, not a 400. */
    private static List<PostingStatus> statuses(List<String> values) {
        EnumSet<PostingStatus> statuses = EnumSet.noneOf(PostingStatus.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(PostingStatus.valueOf(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badParameter("status", "must be one of " + List.of(PostingStatus.values()));
                }
            }
        }
        return List.copyOf(statuses);
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant time = Instant.parse(value);
            if (Rfc3339Time.Validator.representable(time)) {
                return time;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.badParameter(name, Rfc3339Time.MESSAGE);
    }
}

package org.jobboard.postings.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.idempotency.Idempotency;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;
import org.jobboard.postings.domain.PostingStatus;
import org.jobboard.postings.service.PostingService;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Path("/v1/postings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Postings")
public class PostingResource {
    @Inject
    PostingService service;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @Inject
    org.jobboard.postings.service.PostingBatchService batchService;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Create a draft posting in your organization")
    @APIResponse(responseCode = "201", description = "The draft")
    public Response create(@Valid @NotNull PostingInput input,
            @Parameter(description = "Replays the first response for 24 h") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(caller.subject(), key, input, () -> {
            PostingView created = service.create(input);
            return Response.created(URI.create("/v1/postings/" + created.id())).tag(Etags.of(created.version()))
                    .entity(created).build();
        });
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Create or update up to 200 postings keyed by requisitionId (ATS sync); each item's outcome")
    public Response batch(@Valid @NotNull BatchRequest request,
            @Parameter(description = "Replays the first response for 24 h") @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(caller.subject(), key, request,
                () -> Response.ok(batchService.upsert(request)).build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A posting: public when published, otherwise only to its organization's recruiters")
    public Response get(@PathParam("id") String id) {
        PostingView posting = service.get(id);
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @GET
    @Path("/{id}")
    @Produces("application/ld+json")
    @PermitAll
    @Operation(summary = "A published posting as schema.org JobPosting JSON-LD (Google for Jobs)")
    public Response getJsonLd(@PathParam("id") String id) {
        PostingService.JsonLdDocument document = service.jsonLd(id);
        return Response.ok(document.body(), "application/ld+json").tag(Etags.of(document.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Change a posting (JSON Merge Patch; If-Match required)")
    public Response patch(@PathParam("id") String id,
            @RequestBody(description = "JSON Merge Patch (RFC 7396) of the writable fields; null removes a field",
                    content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = PostingInput.class)))
            JsonNode patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = service.patch(id, patch, ifMatch);
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Publish a draft (422 names every failing field)")
    public Response publish(@PathParam("id") String id, @Valid PublishRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = service.publish(id, ifMatch, body == null ? null : body.validThrough());
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Close a published posting, with a reason")
    public Response close(@PathParam("id") String id, @Valid @NotNull CloseRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = service.close(id, ifMatch, body.reason());
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Publish a closed or expired posting again, with a new validThrough")
    public Response reopen(@PathParam("id") String id, @Valid @NotNull PublishRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PostingView posting = service.reopen(id, ifMatch, body.validThrough());
        return Response.ok(posting).tag(Etags.of(posting.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Delete a draft (If-Match required)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Recruiters: their organization's postings by status; everyone else: published postings")
    public Response list(@QueryParam("status") List<String> status,
            @Parameter(description = "RFC 3339; only postings changed since") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return PageResponses.of(service.list(statuses(status), instant("updatedSince", updatedSince), cursor,
                Limits.of(limit)), uri);
    }

    private static List<PostingStatus> statuses(List<String> values) {
        List<PostingStatus> statuses = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(PostingStatus.valueOf(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badParameter("status", "must be one of " + List.of(PostingStatus.values()));
                }
            }
        }
        return statuses;
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "must be an RFC 3339 time such as 2026-11-28T10:15:30Z");
        }
    }
}

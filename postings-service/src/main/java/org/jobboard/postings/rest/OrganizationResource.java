package org.jobboard.postings.rest;

import org.jobboard.platform.rest.SharedOpenApiComponents;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.rest.ConditionalRequests;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Roles;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.postings.api.JsonLdSchemas;
import org.jobboard.postings.api.OrganizationInput;
import org.jobboard.postings.api.OrganizationView;
import org.jobboard.postings.api.PostingExamples;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.service.OrganizationService;

import java.net.URI;
import java.util.UUID;

@Path("/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Employers: their public profile (also as schema.org JSON-LD), registered by admins and kept by their recruiters")
public class OrganizationResource {
    @Inject
    OrganizationService service;

    @Inject
    PostingApiMapper mapper;

    @Inject
    MergePatches patches;

    @Inject
    OrganizationJsonLd jsonLd;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createOrganization", summary = "Register an organization (admins)",
            description = "Admins only. The id may be given to match the organization claim already mapped in "
                    + "Keycloak for the organization's recruiters; otherwise one is generated.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganizationInput.class),
            examples = @ExampleObject(name = "Acme", value = PostingExamples.ORGANIZATION_INPUT)))
    @APIResponse(responseCode = "201", description = "The organization; Location names it, ETag is its version",
            headers = { @Header(name = "Location", description = "The new organization's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2048)),
                    @Header(name = "ETag", ref = "ETag") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "Acme", value = PostingExamples.ORGANIZATION)))
    @APIResponse(responseCode = "409", description = "An organization with this id already exists")
    public Response create(@Valid @NotNull OrganizationInput input) {
        OrganizationView created = mapper.toView(service.create(input.id() == null ? null : UUID.fromString(input.id()),
                mapper.toProfile(input)));
        return Response.created(URI.create("/v1/organizations/" + created.id())).tag(Etags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOrganization", summary = "Read an organization's public profile",
            description = "Public. ETag is the organization's version, for If-Match and If-None-Match. The schema.org "
                    + "Organization (JSON-LD) is its own operation, getOrganizationJsonLd.")
    @APIResponse(responseCode = "200", description = "The organization", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "Acme", value = PostingExamples.ORGANIZATION)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag (or is *): your copy is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", description = "No such organization")
    // read from every header line by ConditionalRequests, so documented here rather than bound as a parameter
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = PostingResource.IF_NONE_MATCH,
            example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    public Response get(@Parameter(description = "The organization's id", example = "0193e0a0-0000-7000-8000-00000000ac3e", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @Context HttpHeaders headers) {
        OrganizationView organization = mapper.toView(service.get(id));
        EntityTag tag = Etags.of(organization.version());
        if (ConditionalRequests.notModified(headers, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(organization).tag(tag).build();
    }

    @GET
    @Path("/{id}/json-ld")
    @Produces(PostingResource.JSON_LD)
    @PermitAll
    @Operation(operationId = "getOrganizationJsonLd", summary = "Read an organization as schema.org Organization (JSON-LD)",
            description = "Public. The organization's profile (name, website as url, logo, description) to embed in "
                    + "its page's script element of type application/ld+json: <, >, & and U+2028/U+2029 are written as "
                    + "\\u escapes, so no text of the profile can end the script element. ETag is the organization's "
                    + "version (the same as getOrganization's), for If-None-Match.")
    @APIResponse(responseCode = "200", description = "The Organization", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = PostingResource.JSON_LD,
                    schema = @Schema(implementation = JsonLdSchemas.Organization.class),
                    examples = @ExampleObject(name = "Acme", value = PostingExamples.ORGANIZATION_JSON_LD)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag (or is *): your copy is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", description = "No such organization")
    // read from every header line by ConditionalRequests, so documented here rather than bound as a parameter
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = PostingResource.IF_NONE_MATCH,
            example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024))
    public Response getJsonLd(@Parameter(description = "The organization's id", example = "0193e0a0-0000-7000-8000-00000000ac3e", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @Context HttpHeaders headers) {
        Organization organization = service.get(id);
        EntityTag tag = Etags.of(organization.version);
        if (ConditionalRequests.notModified(headers, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(jsonLd.toEmbeddableJson(organization)).tag(tag).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.RECRUITER)
    @Operation(operationId = "patchOrganization", summary = "Update your own organization's profile (JSON Merge Patch)",
            description = "Recruiters of this organization only (others get 404). RFC 7396 merge patch of the "
                    + "writable fields (null removes a field; the id cannot change); If-Match is required.")
    @APIResponse(responseCode = "200", description = "The updated organization", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "Acme", value = PostingExamples.ORGANIZATION)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: read the organization again")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response patch(@Parameter(description = "The organization's id", example = "0193e0a0-0000-7000-8000-00000000ac3e", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id,
            @RequestBody(required = true, description = "JSON Merge Patch (RFC 7396) of the writable fields; null removes a field",
                    content = { @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = OrganizationInput.class),
                            examples = @ExampleObject(name = "description", value = PostingExamples.ORGANIZATION_PATCH)),
                            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationInput.class),
                                    examples = @ExampleObject(name = "description", value = PostingExamples.ORGANIZATION_PATCH)) })
            JsonNode patch,
            @Parameter(name = HttpHeaders.IF_MATCH, required = true, description = SharedOpenApiComponents.IF_MATCH_REQUIRED,
                    example = "\"0\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "\\S"))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Organization current = service.getWritable(id);
        IfMatch.requireMatch(ifMatch, current.version);
        MergePatches.requireObject(patch);
        if (patch.has("id")) {
            throw ApiException.badParameter("id", "cannot be changed");
        }
        OrganizationInput patched = patches.apply(mapper.toInput(current.profile()), patch, OrganizationInput.class);
        OrganizationView organization = mapper.toView(service.update(id, mapper.toProfile(patched), current.version));
        return Response.ok(organization).tag(Etags.of(organization.version())).build();
    }
}

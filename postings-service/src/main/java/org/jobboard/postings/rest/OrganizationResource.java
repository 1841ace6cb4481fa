package org.jobboard.postings.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Roles;
import org.jobboard.postings.service.OrganizationService;

import java.net.URI;

@Path("/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations")
public class OrganizationResource {
    @Inject
    OrganizationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an organization (admins)")
    @APIResponse(responseCode = "201", description = "The organization")
    public Response create(@Valid @NotNull OrganizationInput input) {
        OrganizationView created = service.create(input);
        return Response.created(URI.create("/v1/organizations/" + created.id())).tag(Etags.of(created.version()))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "An organization's public profile")
    public Response get(@PathParam("id") String id) {
        OrganizationView organization = service.get(id);
        return Response.ok(organization).tag(Etags.of(organization.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Update your own organization's profile (JSON Merge Patch; If-Match required)")
    public Response patch(@PathParam("id") String id,
            @RequestBody(description = "JSON Merge Patch (RFC 7396) of the writable fields; null removes a field",
                    content = @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = OrganizationInput.class)))
            JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganizationView organization = service.patch(id, patch, ifMatch);
        return Response.ok(organization).tag(Etags.of(organization.version())).build();
    }
}

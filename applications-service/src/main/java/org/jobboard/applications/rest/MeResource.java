package org.jobboard.applications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.applications.service.ApplicationService;
import org.jobboard.applications.service.PrivacyService;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.security.Roles;

/** The candidate's own space: their applications, a copy of their data, and erasure. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class MeResource {
    @Inject
    ApplicationService applications;

    @Inject
    PrivacyService privacy;

    @Context
    UriInfo uri;

    @GET
    @Path("/applications")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Candidates: your applications and where they stand")
    public Response listOwn(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Response page = PageResponses.of(applications.listOwn(cursor, Limits.of(limit)), uri);
        return Response.fromResponse(page).cacheControl(ApplicationResource.NO_STORE).build();
    }

    @GET
    @Path("/data")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Everything this service stores about you, as JSON (files as links)")
    public Response export() {
        return Response.ok(privacy.export()).cacheControl(ApplicationResource.NO_STORE)
                .header("Content-Disposition", "attachment; filename=\"applications-personal-data.json\"")
                .build();
    }

    @DELETE
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Erase your personal data here (open applications are withdrawn; the pipeline history stays "
            + "without personal data) and ask the other services to erase theirs")
    @APIResponse(responseCode = "204", description = "Erased here; erasure requested from the other services")
    public Response erase() {
        privacy.eraseCaller();
        return Response.noContent().build();
    }
}

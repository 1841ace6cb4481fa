package org.jobboard.applications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.service.ApplicationService;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.security.Roles;

import java.util.List;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {
    @Inject
    ApplicationService service;

    @Context
    UriInfo uri;

    @GET
    @Path("/applications")
    @RolesAllowed(Roles.RECRUITER)
    @Operation(summary = "Recruiters: applications to your organization's postings, by posting and stage")
    public Response list(@QueryParam("postingId") String postingId, @QueryParam("stage") String stage,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return PageResponses.of(service.listForRecruiter(postingId, stage(stage), cursor, Limits.of(limit)), uri);
    }

    @GET
    @Path("/me/applications")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(summary = "Candidates: your applications and where they stand")
    public Response listOwn(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return PageResponses.of(service.listOwn(cursor, Limits.of(limit)), uri);
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

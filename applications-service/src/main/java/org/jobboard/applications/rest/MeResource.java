package org.jobboard.applications.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.applications.api.ApplicationExamples;
import org.jobboard.applications.api.CandidateApplicationPage;
import org.jobboard.applications.api.CandidateApplicationView;
import org.jobboard.applications.api.PersonalDataExport;
import org.jobboard.applications.service.ApplicationDetails;
import org.jobboard.applications.service.ApplicationService;
import org.jobboard.applications.service.PrivacyService;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.rest.Etags;
import org.jobboard.platform.security.Roles;

/** The candidate's own space: their applications (in candidate terms), a copy of their data, and erasure. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The candidate's own space: your applications in candidate terms, a copy of your data, erasure")
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
    @Operation(operationId = "listMyApplications", summary = "Candidates: your applications and where they stand",
            description = "Newest first, in candidate terms (SUBMITTED, IN_REVIEW, ...); cursor-paged with "
                    + "Link: rel=\"next\". Never cached (no-store).")
    @APIResponse(responseCode = "200", description = "A page of your applications",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateApplicationPage.class),
                    examples = @ExampleObject(name = "page", value = ApplicationExamples.CANDIDATE_PAGE)))
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 100, or the cursor is malformed or belongs to another list")
    public Response listOwn(@Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limit) {
        Response page = PageResponses.of(ApplicationApiMapper.candidatePage(applications.listOwn(cursor, Limits.of(limit))), uri);
        return Response.fromResponse(page).cacheControl(ApplicationResource.NO_STORE).build();
    }

    @GET
    @Path("/applications/{id}")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "getMyApplication", summary = "Candidates: read one of your applications",
            description = "In candidate terms: the status (SUBMITTED, IN_REVIEW, ...) and its history, never reject "
                    + "reasons, notes or who moved it. Only your own: any other id is 404. Never cached (no-store).")
    @APIResponse(responseCode = "200", description = "Your application, in candidate terms",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CandidateApplicationView.class),
                    examples = @ExampleObject(name = "submitted", value = ApplicationExamples.CANDIDATE_APPLICATION)))
    @APIResponse(responseCode = "404", description = "No application of yours with this id")
    public Response getOwn(@Parameter(description = "The application's id", example = "01a2206f-4360-7cdd-b8da-0faab1f5f6f3",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)) @PathParam("id") String id) {
        ApplicationDetails details = applications.getOwn(id);
        return Response.ok(ApplicationApiMapper.candidateView(details)).tag(Etags.of(details.version()))
                .cacheControl(ApplicationResource.NO_STORE).build();
    }

    @GET
    @Path("/data")
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "exportMyData", summary = "Candidates: export your personal data",
            description = "Everything this service stores about you (GDPR access and portability), as a JSON "
                    + "attachment; files as links. Never cached (no-store).")
    @APIResponse(responseCode = "200", description = "Your data",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"applications-personal-data.json\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^attachment; filename=")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataExport.class),
                    examples = @ExampleObject(name = "Alice", value = ApplicationExamples.EXPORT)))
    public Response export() {
        return Response.ok(ApplicationApiMapper.export(privacy.export())).cacheControl(ApplicationResource.NO_STORE)
                .header("Content-Disposition", "attachment; filename=\"applications-personal-data.json\"")
                .build();
    }

    @DELETE
    @RolesAllowed(Roles.CANDIDATE)
    @Operation(operationId = "eraseMyData", summary = "Candidates: erase your personal data",
            description = "Erases your personal data here (open applications are withdrawn; the pipeline history "
                    + "stays without personal data) and asks the other services to erase theirs. No body.")
    @APIResponse(responseCode = "204", description = "Erased here; erasure requested from the other services")
    public Response erase() {
        privacy.eraseCaller();
        return Response.noContent().build();
    }
}

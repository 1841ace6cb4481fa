package org.jobboard.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.security.Roles;

/** Operators' view of the index (admins). */
@Path("/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search administration")
public class IndexStatusResource {

    public record IndexStatus(long documents) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Index status (admins)")
    public IndexStatus status() {
        return new IndexStatus(0);
    }
}

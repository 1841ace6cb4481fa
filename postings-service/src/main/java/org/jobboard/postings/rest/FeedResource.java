package org.jobboard.postings.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.security.Roles;
import org.jobboard.postings.repository.FeedRepository;
import org.jobboard.postings.service.FeedService;

import java.util.Date;

@Path("/v1/feeds")
@Tag(name = "Feeds")
public class FeedResource {
    @Inject
    FeedService feeds;

    @GET
    @Path("/jobs.xml")
    @Produces(MediaType.APPLICATION_XML)
    @PermitAll
    @Operation(summary = "All published postings as an Indeed-style XML feed (streamed; ETag and Last-Modified)")
    public Response jobsXml(@Context Request request) {
        FeedRepository.FeedVersion version = feeds.version();
        EntityTag etag = new EntityTag("feed-" + version.published() + "-"
                + (version.lastChange() == null ? 0 : version.lastChange().toEpochMilli()));
        // HTTP dates have second precision: truncate so If-Modified-Since with the served value matches
        Date lastModified = new Date(version.lastChange() == null ? 0 : version.lastChange().toEpochMilli() / 1000 * 1000);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.tag(etag).lastModified(lastModified).build();
        }
        StreamingOutput body = out -> {
            try {
                feeds.writeXml(out);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new java.io.IOException(e);
            }
        };
        return Response.ok(body, "application/xml; charset=UTF-8").tag(etag).lastModified(lastModified)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGGREGATOR, Roles.ADMIN })
    @Operation(summary = "Postings published, updated, closed or expired since the cursor, oldest first (aggregators)")
    public Page<FeedService.Change> changes(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return feeds.changes(cursor, Limits.of(limit));
    }
}

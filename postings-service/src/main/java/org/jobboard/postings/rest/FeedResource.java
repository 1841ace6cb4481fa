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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Context;
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
import org.jobboard.platform.paging.Limits;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.paging.PageResponses;
import org.jobboard.platform.rest.ConditionalRequests;
import org.jobboard.platform.security.Roles;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.api.Change;
import org.jobboard.postings.api.ChangePage;
import org.jobboard.postings.api.PostingExamples;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.repository.FeedRepository;
import org.jobboard.postings.service.FeedService;
import org.jobboard.postings.service.PostingDetails;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

@Path("/v1/feeds")
@Tag(name = "Feeds", description = "For aggregators: every published posting as an XML feed, and a change feed to follow them incrementally")
public class FeedResource {
    @Inject
    FeedService feeds;

    @Inject
    JobsXmlFeed xmlFeed;

    @Inject
    PostingApiMapper mapper;

    @Inject
    Clock clock;

    @GET
    @Path("/jobs.xml")
    @Produces(MediaType.APPLICATION_XML)
    @PermitAll
    @Operation(operationId = "getJobsXmlFeed", summary = "All published postings as an Indeed-style XML feed",
            description = "Public and streamed. Cacheable for 60 s; ETag and Last-Modified change with any published, "
                    + "updated, closed or expired posting, so If-None-Match / If-Modified-Since polls cost a 304.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = { @Header(name = "ETag", description = "Version of the feed",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = "^\"feed-[0-9]+-[0-9]+\"$")),
                    @Header(name = "Last-Modified", description = "When a published posting last changed (HTTP date)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "GMT$")) },
            // binary: generated clients hand the body over as a file or Blob instead of parsing it as JSON, which
            // also suits a feed that can be very large
            content = @Content(mediaType = MediaType.APPLICATION_XML,
                    schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "Indeed XML (UTF-8): source, publisher, job elements", maxLength = 1073741824),
                    examples = @ExampleObject(name = "one job", value = PostingExamples.FEED_XML)))
    @APIResponse(responseCode = "304", description = "Unchanged since If-None-Match / If-Modified-Since (an "
            + "If-Modified-Since that is not a valid HTTP date is ignored: 200)")
    @APIResponse(responseCode = "401", description = "A token was sent and it is invalid (none is needed)")
    public Response jobsXml(@Context HttpHeaders headers) {
        FeedRepository.FeedVersion version = feeds.version();
        EntityTag etag = new EntityTag("feed-" + version.published() + "-"
                + (version.lastChange() == null ? 0 : version.lastChange().toEpochMilli()));
        // HTTP dates have second precision: truncate so If-Modified-Since with the served value matches
        Instant changed = version.lastChange() == null ? Instant.EPOCH : version.lastChange().truncatedTo(ChronoUnit.SECONDS);
        Date lastModified = Date.from(changed);
        if (ConditionalRequests.notModified(headers, etag, changed, clock.instant())) {
            return Response.notModified(etag).lastModified(lastModified).build();
        }
        StreamingOutput body = out -> {
            try {
                xmlFeed.write(out);
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
    @Operation(operationId = "listChanges", summary = "Changes of public postings since the cursor (aggregators)",
            description = "Aggregators and admins: postings published, updated, closed or expired, oldest change "
                    + "first, each with its current state. Keep the last nextCursor and poll with it (Link: "
                    + "rel=\"next\" is the URL of that poll); a posting changed again reappears later with a higher "
                    + "version. Settle delay: a change is served only once its time (changedAt) is earlier "
                    + "than now minus the delay, 2 s unless the service sets jobboard.postings.change-feed-settle-delay "
                    + "(environment JOBBOARD_POSTINGS_CHANGE_FEED_SETTLE_DELAY). A write still committing may carry "
                    + "an earlier time than changes already served; holding back the newest changes until no such "
                    + "write can be pending means the cursor never passes over one. So a change appears here that "
                    + "much after it was made, and a poll that finds nothing new answers the cursor it was given.")
    @APIResponse(responseCode = "200", description = "A page of changes; Link: rel=\"next\" whenever nextCursor is "
            + "set (the feed has no last page: follow it to poll for news)",
            headers = @Header(name = "Link", ref = "Link"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class),
                    examples = @ExampleObject(name = "one change", value = PostingExamples.CHANGES)))
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 100, or the cursor is malformed or belongs to another list")
    public Response changes(@Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "limit") @QueryParam("limit") String limit, @Context UriInfo uri) {
        Page<PostingDetails> changes = feeds.changes(cursor, Limits.of(limit));
        return PageResponses.of(new Page<>(changes.items().stream().map(this::change).toList(), changes.nextCursor()),
                uri);
    }

    private Change change(PostingDetails details) {
        Posting p = details.posting();
        Change.ChangeType type = switch (p.status) {
            case CLOSED -> Change.ChangeType.CLOSED;
            case EXPIRED -> Change.ChangeType.EXPIRED;
            default -> p.publishedAt != null && p.publishedAt.equals(p.updatedAt) ? Change.ChangeType.PUBLISHED
                    : Change.ChangeType.UPDATED;
        };
        return new Change(p.id.toString(), type, p.status, p.version, p.updatedAt,
                p.status == PostingStatus.PUBLISHED ? mapper.toView(details) : null);
    }
}

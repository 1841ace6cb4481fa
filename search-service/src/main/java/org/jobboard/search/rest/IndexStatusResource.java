package org.jobboard.search.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jobboard.platform.security.Roles;
import org.jobboard.search.api.IndexStatus;
import org.jobboard.search.api.SearchExamples;
import org.jobboard.search.domain.IndexStats;
import org.jobboard.search.index.SearchIndex;
import org.jobboard.search.messaging.IndexerLifecycle;
import org.jobboard.search.messaging.PostingIndexer;

import java.util.Map;
import java.util.TreeMap;

/** Operators' view of the index (admins). */
@Path("/v1/search/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search administration", description = "The search index's state: how many documents it holds and how far it has caught up with the postings events")
public class IndexStatusResource {
    @Inject
    SearchIndex index;

    @Inject
    IndexerLifecycle indexer;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getSearchIndexStatus", summary = "Index status (admins)",
            description = "Documents, tombstones, segments and size of this instance's index, and per partition of "
                    + "jobboard.postings.v1 the offsets committed with it and applied, and whether it caught up with "
                    + "the topic (readiness).")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndexStatus.class),
                    examples = @ExampleObject(name = "caught up", value = SearchExamples.INDEX_STATUS)))
    public IndexStatus status() {
        IndexStats stats = index.stats();
        PostingIndexer running = indexer.indexer().orElse(null);
        return new IndexStatus(stats.documents(), stats.tombstones(), stats.segments(), stats.sizeBytes(),
                stats.committedOffsets(), running == null ? Map.of() : new TreeMap<>(running.appliedOffsets()),
                running == null ? Map.of() : new TreeMap<>(running.endOffsetsAtStart()),
                running != null && running.caughtUp(), stats.lastCommitAt());
    }
}

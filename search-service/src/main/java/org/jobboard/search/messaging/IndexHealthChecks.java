package org.jobboard.search.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jobboard.search.index.SearchIndex;

/**
 * Ready only once the index has caught up with the topic's end as seen at start: a replica rebuilding from an empty
 * disk gets no traffic until its index is complete. Live while the index can write (a disk failure needs a restart).
 */
@ApplicationScoped
public class IndexHealthChecks {
    @Inject
    IndexerLifecycle lifecycle;

    @Inject
    SearchIndex index;

    @Produces
    @Readiness
    HealthCheck caughtUp() {
        return () -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Search index caught up");
            return lifecycle.indexer().map(indexer -> response.status(indexer.caughtUp())
                    .withData("appliedOffsets", String.valueOf(indexer.appliedOffsets()))
                    .withData("endOffsetsAtStart", String.valueOf(indexer.endOffsetsAtStart()))
                    .build())
                    .orElseGet(() -> response.up().withData("indexer", "disabled").build());
        };
    }

    @Produces
    @Liveness
    HealthCheck writable() {
        return () -> {
            boolean indexing = lifecycle.indexer().map(i -> i.failure() == null).orElse(true);
            return HealthCheckResponse.named("Search index writable").status(index.healthy() && indexing).build();
        };
    }
}

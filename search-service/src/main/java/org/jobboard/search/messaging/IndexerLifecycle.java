package org.jobboard.search.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jobboard.search.config.SearchConfig;
import org.jobboard.search.index.SearchIndex;

import java.util.Map;
import java.util.Optional;

/** Starts the indexer with the application and stops it (committing what it applied) before the index closes. */
@ApplicationScoped
public class IndexerLifecycle {
    @Inject
    SearchConfig config;

    @Inject
    SearchIndex index;

    @Inject
    PostingEventMapper mapper;

    /** The shared {@code kafka.*} configuration (bootstrap servers, security settings of the environment). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile PostingIndexer indexer;

    void start(@Observes StartupEvent event) {
        if (!config.indexer().enabled()) {
            return;
        }
        SearchConfig.Indexer settings = config.indexer();
        indexer = new PostingIndexer(index, mapper, kafkaConfig, settings.topic(), settings.deadLetters(),
                settings.groupId(), settings.commitInterval()).start();
    }

    void stop(@Observes ShutdownEvent event) {
        PostingIndexer running = indexer;
        if (running != null) {
            running.close();
        }
    }

    /** The running indexer; empty when indexing is disabled. */
    public Optional<PostingIndexer> indexer() {
        return Optional.ofNullable(indexer);
    }
}

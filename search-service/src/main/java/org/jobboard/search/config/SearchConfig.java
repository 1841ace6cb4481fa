package org.jobboard.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.jobboard.contracts.Topics;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "jobboard.search")
public interface SearchConfig {
    /**
     * The index directory (JOBBOARD_SEARCH_INDEX_PATH). Each replica has its own; an empty one is rebuilt from the
     * compacted topic.
     */
    @WithDefault(".local/search-index")
    String indexPath();

    /** When exact matching finds fewer hits than this, words of five or more letters also match misspellings. */
    @WithDefault("3")
    int fuzzyBelowHits();

    /** The IndexWriter's buffer before it flushes a segment (heap it may use for pending documents). */
    @WithDefault("16")
    double ramBufferMb();

    Indexer indexer();

    interface Indexer {
        /** Off only for tools that must not consume (the index is then read-only and never "caught up"). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault(Topics.POSTINGS)
        String topic();

        /** Unset: the topic's dead-letter topic by the shared convention ({@link Topics#deadLetters(String)}). */
        Optional<String> deadLetterTopic();

        default String deadLetters() {
            return deadLetterTopic().orElseGet(() -> Topics.deadLetters(topic()));
        }

        /**
         * Kafka group the consumed offsets are also reported under, for lag monitoring only: positions are read from
         * the index, and every replica reads every partition (each holds a full index).
         */
        @WithDefault("search-service")
        String groupId();

        /** How often applied changes are made durable (with their offsets); a crash replays at most this much. */
        @WithDefault("1s")
        Duration commitInterval();
    }
}

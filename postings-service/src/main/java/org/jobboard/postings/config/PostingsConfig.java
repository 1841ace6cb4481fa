package org.jobboard.postings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "jobboard.postings")
public interface PostingsConfig {
    /** validThrough when a recruiter publishes without one. */
    @WithDefault("P30D")
    Duration defaultValidity();

    /** How far ahead validThrough may be. */
    @WithDefault("P180D")
    Duration maxValidity();

    /** How often the expiry job looks for postings past their validThrough. */
    @WithDefault("30s")
    String expiryInterval();

    /** Postings one expiry pass handles per transaction. */
    @WithDefault("200")
    int expiryBatchSize();

    /**
     * How old a change must be before the change feed serves it (updatedAt earlier than now minus this): a write still
     * committing may carry an earlier updatedAt than one already served, and the cursor would pass over it. Longer
     * than any write transaction takes to commit; a change reaches aggregators this much later.
     */
    @WithDefault("2s")
    Duration changeFeedSettleDelay();

    /** The public URL of the board, used for links in feeds and JSON-LD. */
    @WithDefault("http://127.0.0.1:8080")
    String publicBaseUrl();

    /**
     * The front end's page of a posting, {@code {id}} standing for its id (e.g. https://jobs.example.com/jobs/{id}):
     * the {@code url} of JSON-LD and of the XML feed, which Google for Jobs and aggregators send job seekers to.
     * Without it they point at the API's posting URL.
     */
    java.util.Optional<String> jobPageUrl();
}

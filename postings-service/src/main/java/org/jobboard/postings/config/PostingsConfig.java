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

    /** The public URL of the board, used for links in feeds and JSON-LD. */
    @WithDefault("http://127.0.0.1:8080")
    String publicBaseUrl();
}

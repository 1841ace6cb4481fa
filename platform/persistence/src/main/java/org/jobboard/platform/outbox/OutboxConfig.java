package org.jobboard.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "jobboard.outbox")
public interface OutboxConfig {
    /** The CloudEvents {@code source} of this service's events, e.g. {@code /jobboard/postings-service}. */
    String source();

    /** How often the relay polls for events a wake-up missed (it is also woken after each commit). */
    @WithDefault("1s")
    String pollInterval();

    /** How many events one relay pass publishes before committing. */
    @WithDefault("200")
    int batchSize();

    /** How long published rows are kept (for diagnosis) before they are deleted. */
    @WithDefault("P1D")
    Duration retention();

    /** How long the relay waits for the broker to acknowledge a batch. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}

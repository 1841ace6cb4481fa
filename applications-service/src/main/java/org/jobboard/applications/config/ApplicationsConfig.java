package org.jobboard.applications.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobboard.applications")
public interface ApplicationsConfig {
    /** Applications to postings closed (or expired) longer than this are anonymized by the retention job. */
    @WithDefault("365")
    int retentionDays();

    /** How often the retention job runs (every replica runs it; SKIP LOCKED keeps them apart). */
    @WithDefault("1h")
    String retentionInterval();

    /** Applications one retention pass anonymizes per transaction. */
    @WithDefault("100")
    int retentionBatchSize();

    ResumeConfig resume();

    interface ResumeConfig {
        /** The largest resume accepted (413 above). The HTTP body limit must leave room for it and the JSON part. */
        @WithDefault("5M")
        MemorySize maxSize();

        /** Extracted text kept for recruiters is cut here (a resume is a few pages; this stops text bombs). */
        @WithDefault("200000")
        int maxTextChars();
    }
}

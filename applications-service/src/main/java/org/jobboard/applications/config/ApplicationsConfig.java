package org.jobboard.applications.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    Uploads uploads();

    /** Request bodies, read on the event loop before a worker thread takes the request (RequestBodyReader). */
    interface Uploads {
        /**
         * Applies with a body (multipart, or JSON, which may carry a base64 resume) being read or processed at once;
         * beyond it 503 with Retry-After.
         */
        @WithDefault("16")
        int maxInFlight();

        /** A body that makes no progress (no byte) for this long is answered 408; a slow but steady one is fine. */
        @WithDefault("30s")
        Duration noProgressTimeout();

        /** Parts a multipart apply may have (it needs two: application and resume). */
        @WithDefault("20")
        int maxParts();

        /** The headers of one part, together. */
        @WithDefault("8K")
        MemorySize maxPartHeaders();
    }

    interface ResumeConfig {
        /** The largest resume accepted (413 above). The HTTP body limit must leave room for it and the JSON part. */
        @WithDefault("5M")
        MemorySize maxSize();

        /** Extracted text kept for recruiters is cut here (a resume is a few pages; this stops text bombs). */
        @WithDefault("200000")
        int maxTextChars();

        Extraction extraction();
    }

    /** The background text extraction (ResumeTextWorker); every replica runs it, SKIP LOCKED keeps them apart. */
    interface Extraction {
        /** How often each replica looks for due work besides being woken by its own applies ({@code off}: never). */
        @WithDefault("5s")
        String interval();

        /**
         * Threads extracting in parallel on one replica; each takes a CPU core while it parses. 0: this replica only
         * serves requests and leaves extraction to replicas that run it (they share the work through the database).
         */
        @WithDefault("1")
        int threads();

        /** Resumes one claim takes. */
        @WithDefault("10")
        int batchSize();

        /** How long a claim holds: a worker that died is replaced after this (the attempt counts). */
        @WithDefault("5m")
        Duration lease();

        /** Attempts before a resume whose extraction keeps failing for unexpected reasons is FAILED. */
        @WithDefault("3")
        int maxAttempts();

        /** The first back-off after such a failure; it doubles with each attempt. */
        @WithDefault("30s")
        Duration retryDelay();

        /**
         * The share of a core one extraction thread may use while requests are being served (it pauses between
         * documents); at full speed when the service is quiet. 1: it never pauses.
         */
        @WithDefault("0.25")
        double busyShare();

        /** A request within this window means the service is busy (ExtractionPacing). */
        @WithDefault("1s")
        Duration busyWindow();
    }
}

package org.jobboard.applications.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jobboard.applications.config.ApplicationsConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Lets background resume text extraction give way to requests. Parsing a PDF takes a core for milliseconds to
 * seconds; while candidates and recruiters are being served (a request within the busy window), the extraction
 * worker pauses after each document so that it uses at most {@code busy-share} of a core, and runs at full speed
 * when the service is quiet. A burst of applies therefore leaves a backlog of PENDING texts that drains afterwards
 * (the files are stored and downloadable at once) instead of slowing the applies down. Where extraction should never
 * share cores with requests, run it on its own replicas ({@code extraction.threads=0} on the others).
 */
@ApplicationScoped
public class ExtractionPacing {
    /** Nanoseconds on the service's clock (a test moves it instead of waiting for the busy window to pass). */
    private final LongSupplier clock;
    private double busyShare = 1;
    private long busyWindowNanos;
    private volatile long lastRequestNanos;
    private volatile boolean sawRequest;

    @Inject
    ApplicationsConfig config;

    @Inject
    Clock wallClock;

    public ExtractionPacing() {
        this.clock = () -> {
            Instant now = wallClock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    ExtractionPacing(LongSupplier clock) {
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        configure(config.resume().extraction().busyShare(), config.resume().extraction().busyWindow().toNanos());
    }

    void configure(double share, long windowNanos) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalStateException(
                    "jobboard.applications.resume.extraction.busy-share must be above 0 and at most 1, was " + share);
        }
        this.busyShare = share;
        this.busyWindowNanos = windowNanos;
    }

    /** A request is being served (the REST layer calls this for every API request; see rest.RequestActivity). */
    public void requestSeen() {
        lastRequestNanos = clock.getAsLong();
        sawRequest = true;
    }

    /** How long to pause after a document whose extraction took {@code extractionNanos}: none when quiet. */
    long pauseNanosAfter(long extractionNanos) {
        boolean busy = sawRequest && clock.getAsLong() - lastRequestNanos < busyWindowNanos;
        if (!busy || busyShare >= 1) {
            return 0;
        }
        return (long) (extractionNanos * (1 / busyShare - 1));
    }
}

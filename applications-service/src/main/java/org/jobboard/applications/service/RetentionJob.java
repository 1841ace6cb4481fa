package org.jobboard.applications.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.applications.config.ApplicationsConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Anonymizes applications to postings closed (or expired) longer than jobboard.applications.retention-days ago.
 * Every replica runs it; FOR UPDATE SKIP LOCKED hands each application to one of them, one batch per transaction.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    PrivacyService privacy;

    @Inject
    ApplicationsConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "application-retention", every = "${jobboard.applications.retention-interval:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.instant());
    }

    /** @return how many applications were anonymized */
    public int run(Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(config.retentionDays()));
        int total = 0;
        int batch;
        do {
            batch = privacy.anonymizeClosedBefore(cutoff, config.retentionBatchSize());
            total += batch;
        } while (batch > 0);
        if (total > 0) {
            LOG.infof("retention: anonymized %d applications to postings closed before %s", total, cutoff);
        }
        return total;
    }
}

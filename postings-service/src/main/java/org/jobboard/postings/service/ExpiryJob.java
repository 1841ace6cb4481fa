package org.jobboard.postings.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Expires published postings at their validThrough; every replica runs it, SKIP LOCKED keeps them apart. */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    PostingService postings;

    @Inject
    Clock clock;

    @Scheduled(identity = "posting-expiry", every = "${jobboard.postings.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired;
        do {
            expired = postings.expireDue(clock.instant());
            if (expired > 0) {
                LOG.infof("expired %d postings", expired);
            }
        } while (expired > 0);
    }
}

package org.jobboard.postings.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Expires published postings at their validThrough; every replica runs it, SKIP LOCKED keeps them apart. */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    PostingService postings;

    @Scheduled(identity = "posting-expiry", every = "${jobboard.postings.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired;
        do {
            expired = postings.expireDue(Instant.now());
            if (expired > 0) {
                LOG.infof("expired %d postings", expired);
            }
        } while (expired > 0);
    }
}

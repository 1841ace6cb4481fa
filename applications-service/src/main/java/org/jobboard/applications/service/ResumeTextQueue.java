package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.applications.config.ApplicationsConfig;
import org.jobboard.applications.repository.ResumeRepository;
import org.jobboard.applications.repository.ResumeRepository.ClaimedExtraction;
import org.jobboard.applications.storage.FileStorage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of {@link ResumeTextWorker}, each short: claiming a batch, reading one file, recording one result.
 * No transaction (nor database connection) stays open while a document is parsed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ResumeTextQueue {
    @Inject
    ResumeRepository resumes;

    @Inject
    FileStorage files;

    @Inject
    ApplicationsConfig config;

    @Inject
    Clock clock;

    public List<ClaimedExtraction> claim() {
        return resumes.claimDueExtractions(config.resume().extraction().batchSize(), config.resume().extraction().lease(),
                clock.instant());
    }

    public Optional<byte[]> content(ClaimedExtraction claim) {
        return files.load(claim.storageKey()).map(FileStorage.StoredFile::content);
    }

    public boolean done(ClaimedExtraction claim, String text) {
        return resumes.completeExtraction(claim, text);
    }

    public boolean failed(ClaimedExtraction claim, String reason) {
        return resumes.failExtraction(claim, reason);
    }

    /** Another try after a back-off that doubles each time, unless this was the last attempt: then FAILED. */
    public boolean retryOrFail(ClaimedExtraction claim, String reason) {
        int maxAttempts = config.resume().extraction().maxAttempts();
        if (claim.attempt() >= maxAttempts) {
            return resumes.failExtraction(claim, reason + " (gave up after " + maxAttempts + " attempts)");
        }
        Duration delay = config.resume().extraction().retryDelay().multipliedBy(1L << Math.min(claim.attempt() - 1, 10));
        return resumes.retryExtractionLater(claim, clock.instant().plus(delay), reason);
    }
}

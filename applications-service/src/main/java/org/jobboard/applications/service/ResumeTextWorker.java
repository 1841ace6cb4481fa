package org.jobboard.applications.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jobboard.platform.tx.AfterCommit;
import org.jboss.logging.Logger;
import org.jobboard.applications.config.ApplicationsConfig;
import org.jobboard.applications.repository.ResumeRepository.ClaimedExtraction;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts the text of stored resumes in the background, so the apply request only detects the type and stores the
 * file. Every replica runs it: a worker claims a batch of due PENDING resumes (FOR UPDATE SKIP LOCKED, each claim
 * counting an attempt and holding a lease), parses each document outside any transaction, and records DONE with the
 * text, FAILED for a document that cannot be read, or a later retry for an unexpected error (FAILED once the attempts
 * are used up). The result is written only if the claim still holds, so an erasure meanwhile, or a second worker
 * after a lease ran out, wins. The file is never touched.
 *
 * <p>It runs on its own small pool ({@code jobboard.applications.resume.extraction.threads}), never on request
 * threads: woken right after an apply commits, and by a timer for retries, leftovers and other replicas' work. While
 * requests are being served it pauses between documents ({@link ExtractionPacing}).
 */
@ApplicationScoped
public class ResumeTextWorker {
    private static final Logger LOG = Logger.getLogger(ResumeTextWorker.class);
    private static final Object WAKE_KEY = new Object();

    @Inject
    ResumeTextQueue queue;

    @Inject
    ResumeTextExtractor extractor;

    @Inject
    ApplicationsConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ExtractionPacing pacing;

    private ExecutorService pool;
    /** Drains submitted but not started yet: one waiting drain is enough to see every wake-up before it. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** Drains running on the pool now. */
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    void start(@Observes StartupEvent event) {
        int threads = config.resume().extraction().threads();
        if (threads == 0) {
            LOG.info("resume text extraction is off on this replica (extraction.threads=0): other replicas do it");
            return;
        }
        AtomicInteger number = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "resume-text-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.set(true);
        if (pool != null) {
            pool.shutdown();
            // a parse cut short stays PENDING: its lease runs out and a worker takes it again
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }

    @Scheduled(identity = "resume-text-extraction", every = "${jobboard.applications.resume.extraction.interval:5s}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Extraction starts as soon as the current transaction (an apply) has committed its PENDING resume. */
    public void wakeUpAfterCommit() {
        AfterCommit.runOnce(transactions, WAKE_KEY, this::wakeUp);
    }

    /** Starts a drain on a free worker thread unless one is already waiting to start. */
    public void wakeUp() {
        if (pool == null || stopping.get() || !waiting.compareAndSet(0, 1)) {
            return;
        }
        try {
            pool.execute(() -> {
                running.incrementAndGet(); // before leaving "waiting", so isIdle never sees a drain in between
                waiting.decrementAndGet();
                try {
                    drain();
                } catch (RuntimeException e) {
                    // the database may be away: what was claimed stays PENDING and is taken again after its lease
                    LOG.warnf("resume text extraction stopped (%s); the timer resumes it", e.toString());
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet(); // shutting down
        }
    }

    /**
     * True when this replica's pool neither runs nor has queued a drain. A drain may pause between documents (pacing)
     * after its last claim, so "nothing due" alone does not mean it has stopped claiming; tests that hand rows back to
     * PENDING wait for this first.
     */
    public boolean isIdle() {
        return running.get() == 0 && waiting.get() == 0;
    }

    /**
     * Claims and extracts batches until nothing is due. Public for tests, which run several at once to show that
     * no resume is extracted twice.
     *
     * @return how many resumes this call extracted or gave up on
     */
    public int drain() {
        int finished = 0;
        List<ClaimedExtraction> batch;
        while (!stopping.get() && !(batch = queue.claim()).isEmpty()) {
            for (ClaimedExtraction claim : batch) {
                long started = System.nanoTime();
                if (extract(claim)) {
                    finished++;
                }
                if (!giveWay(pacing.pauseNanosAfter(System.nanoTime() - started))) {
                    return finished; // shutting down: the rest of the batch stays PENDING until its lease runs out
                }
            }
        }
        return finished;
    }

    /** Pauses while requests are being served (ExtractionPacing); false when interrupted by a shutdown. */
    private boolean giveWay(long pauseNanos) {
        if (pauseNanos <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
            return !stopping.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean extract(ClaimedExtraction claim) {
        int maxAttempts = config.resume().extraction().maxAttempts();
        if (claim.attempt() > maxAttempts) {
            // earlier claims never reported back: a document that brings its worker down must not do so forever
            return queue.failed(claim, "gave up after " + maxAttempts + " attempts");
        }
        Optional<byte[]> content = queue.content(claim);
        if (content.isEmpty()) {
            // erased since the claim (then nothing is recorded), or the store lost it
            return queue.failed(claim, "the file is missing");
        }
        try {
            String text = extractor.extract(content.get(), claim.mediaType());
            return queue.done(claim, text);
        } catch (ResumeTextExtractor.UnreadableDocumentException e) {
            LOG.debugf("resume of application %s: %s", claim.applicationId(), e.getMessage());
            return queue.failed(claim, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug on this document, or a passing fault: try again later, a limited number of times
            LOG.warnf("resume text extraction of application %s failed on attempt %d: %s", claim.applicationId(),
                    claim.attempt(), e.getClass().getName());
            queue.retryOrFail(claim, "extraction failed: " + e.getClass().getSimpleName());
            return false;
        }
    }
}

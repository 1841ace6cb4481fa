package org.jobboard.search.messaging;

import org.jboss.logging.Logger;
import org.jobboard.search.index.SearchIndex;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Makes what the consumer applied durable every {@code interval}, on a thread of its own: a commit waits for the disk
 * (fsync), and the next event must not wait for it. Each commit carries the positions applied before it began.
 */
final class IndexCommitter {
    private static final Logger LOG = Logger.getLogger(IndexCommitter.class);

    private final SearchIndex index;
    private final Duration interval;
    private final Supplier<Map<Integer, Long>> applied;
    private final ScheduledExecutorService thread;
    /** Positions committed to the index that the consumer thread still has to report to the group (lag monitoring). */
    private final AtomicReference<Map<Integer, Long>> unreported = new AtomicReference<>();

    /** @param applied per partition, the next offset whose event the index has been handed */
    IndexCommitter(SearchIndex index, Duration interval, Supplier<Map<Integer, Long>> applied) {
        this.index = index;
        this.interval = interval;
        this.applied = applied;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread committing = new Thread(r, "search-index-committer");
            committing.setDaemon(true);
            return committing;
        });
    }

    void start() {
        long millis = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::commitApplied, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The positions of the last commit not yet reported to the group, or {@code null}; reporting is up to the caller. */
    Map<Integer, Long> takeUnreported() {
        return unreported.getAndSet(null);
    }

    /**
     * Makes what was applied durable, with its positions. Every event up to those positions was handed to the index
     * before the commit began, so the commit holds it (and maybe a few later ones, which a replay skips as not newer).
     */
    private void commitApplied() {
        Map<Integer, Long> positions = applied.get();
        if (positions.isEmpty() || positions.equals(index.committedOffsets()) || !index.healthy()) {
            return;
        }
        try {
            index.commit(positions); // the index serializes commits and remembers the positions each holds
            unreported.set(positions);
        } catch (IOException | RuntimeException e) {
            // the consumer thread meets an index that can no longer write at its next change and stops there
            LOG.warnf(e, "committing the search index failed; retrying in %s", interval);
        }
    }

    /** Lets a commit under way finish (an interrupted commit could leave the writer unusable), then stops. */
    void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a search index commit did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

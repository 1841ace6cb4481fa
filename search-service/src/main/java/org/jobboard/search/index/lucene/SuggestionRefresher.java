package org.jobboard.search.index.lucene;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.jboss.logging.Logger;
import org.jobboard.search.domain.Suggestion;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the {@link SuggestionModel} in step with the index: a refresh that changed the searcher marks it stale, and a
 * background thread rebuilds it at most twice a second, off the write path (suggestions lag the index by < 1 s).
 */
final class SuggestionRefresher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SuggestionRefresher.class);
    private static final long REBUILD_MILLIS = 500;

    private final SearcherManager searchers;
    private final AtomicBoolean stale = new AtomicBoolean();
    private final ScheduledExecutorService builder;
    private volatile SuggestionModel model = SuggestionModel.EMPTY;

    SuggestionRefresher(SearcherManager searchers) {
        this.searchers = searchers;
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    stale.set(true);
                }
            }
        });
        rebuild();
        this.builder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-suggestions");
            thread.setDaemon(true);
            return thread;
        });
        builder.scheduleWithFixedDelay(() -> {
            if (stale.getAndSet(false)) {
                rebuild();
            }
        }, REBUILD_MILLIS, REBUILD_MILLIS, TimeUnit.MILLISECONDS);
    }

    List<Suggestion> lookup(String prefix, int limit) {
        return model.lookup(prefix, limit);
    }

    private void rebuild() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                model = SuggestionModel.build(searcher.getIndexReader());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot rebuild the suggestions; keeping the previous ones", e);
            stale.set(true);
        }
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}

package org.jobboard.postings.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.repository.FeedRepository;
import org.jobboard.postings.repository.OrganizationRepository;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What aggregators read: all published postings (the XML feed), and the changes of public postings since a cursor. */
@ApplicationScoped
public class FeedService {
    @Inject
    FeedRepository feeds;

    @Inject
    OrganizationRepository organizations;

    @Inject
    CursorCodec cursors;

    @Inject
    Clock clock;

    @Inject
    PostingsConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedRepository.FeedVersion version() {
        return feeds.version();
    }

    /**
     * The next published postings after {@code after} (from the first with null), in id order, each batch in a short
     * transaction of its own: a feed of any size neither holds a long transaction nor grows memory.
     * {@code organizations} caches the hiring organizations across batches.
     */
    public List<PostingDetails> publishedAfter(UUID after, int limit, Map<UUID, Organization> organizationCache) {
        return QuarkusTransaction.requiringNew().call(() -> feeds.publishedAfter(after, limit).stream()
                .map(p -> new PostingDetails(p,
                        organizationCache.computeIfAbsent(p.organizationId, organizations::findById)))
                .toList());
    }

    /**
     * Changes in commit order since the cursor (from the beginning without one): each posting's latest state, with
     * its organization while it is published (null otherwise). Only changes older than the settle delay
     * (PostingsConfig#changeFeedSettleDelay, see FeedRepository#changedAfter).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostingDetails> changes(String cursor, int limit) {
        CursorCodec.Position after = cursors.position("changes", cursor);
        List<Posting> rows = feeds.changedAfter(after == null ? null : after.time(), after == null ? null : after.id(),
                clock.instant().minus(config.changeFeedSettleDelay()), limit);
        Map<UUID, Organization> orgs = new HashMap<>();
        List<PostingDetails> items = rows.stream().map(p -> new PostingDetails(p, p.status == PostingStatus.PUBLISHED
                ? orgs.computeIfAbsent(p.organizationId, organizations::findById) : null)).toList();
        // the cursor always moves to the last entry served, so a client polls with the same cursor until news arrive
        String next = rows.isEmpty() ? cursor
                : cursors.encode("changes", List.of(rows.get(rows.size() - 1).updatedAt.toString(),
                        rows.get(rows.size() - 1).id.toString()));
        return new Page<>(items, next);
    }
}

package org.jobboard.postings.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.postings.domain.PostingContent;

/**
 * ATS synchronisation: postings keyed by requisitionId. Each item commits in its own transaction, so good items are
 * kept when others fail; repeating the same item changes nothing (UNCHANGED).
 */
@ApplicationScoped
public class PostingBatchService {
    @Inject
    PostingService postings;

    /** One item's outcome: the upsert, or why it failed (the status and problem a single request would have had). */
    public record ItemResult(PostingService.UpsertResult upserted, ApiException error) {
    }

    /** Fails the whole call early for a caller who may not write postings. */
    public void requireRecruiter() {
        postings.recruiterOrganization();
    }

    public ItemResult upsert(PostingContent content, boolean publish) {
        try {
            // its own transaction even inside an Idempotency-Key transaction: a failing item rolls back only itself
            return new ItemResult(QuarkusTransaction.requiringNew()
                    .call(() -> postings.upsertByRequisition(content, publish)), null);
        } catch (ApiException e) {
            return new ItemResult(null, e);
        }
    }
}

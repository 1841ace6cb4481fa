package org.jobboard.contracts.postings;

/** CloudEvents types on {@link org.jobboard.contracts.Topics#POSTINGS}. */
public final class PostingEventTypes {
    public static final String PUBLISHED = "jobboard.posting.published.v1";
    public static final String UPDATED = "jobboard.posting.updated.v1";
    public static final String REOPENED = "jobboard.posting.reopened.v1";
    public static final String CLOSED = "jobboard.posting.closed.v1";
    public static final String EXPIRED = "jobboard.posting.expired.v1";
    public static final String DELETED = "jobboard.posting.deleted.v1";

    private PostingEventTypes() {
    }
}

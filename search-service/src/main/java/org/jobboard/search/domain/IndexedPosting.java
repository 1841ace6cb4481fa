package org.jobboard.search.domain;

/** A published posting as the index receives it: its summary plus the description as plain text (no markup). */
public record IndexedPosting(PostingSummary summary, String descriptionText) {
    public String id() {
        return summary.id();
    }

    public long version() {
        return summary.version();
    }
}

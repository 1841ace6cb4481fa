package org.jobboard.contracts.postings;

/** DRAFT -> PUBLISHED -> CLOSED; PUBLISHED -> EXPIRED at validThrough; CLOSED or EXPIRED -> PUBLISHED by reopen. */
public enum PostingStatus {
    DRAFT, PUBLISHED, CLOSED, EXPIRED
}

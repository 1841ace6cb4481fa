package org.jobboard.postings.domain;

/** DRAFT -> PUBLISHED -> CLOSED; PUBLISHED -> EXPIRED at validThrough; CLOSED or EXPIRED -> PUBLISHED by reopen. */
public enum PostingStatus {
    DRAFT, PUBLISHED, CLOSED, EXPIRED
}

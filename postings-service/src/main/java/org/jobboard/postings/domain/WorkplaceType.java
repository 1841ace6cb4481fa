package org.jobboard.postings.domain;

/** Where the work happens. */
public enum WorkplaceType {
    ON_SITE, HYBRID, REMOTE
}

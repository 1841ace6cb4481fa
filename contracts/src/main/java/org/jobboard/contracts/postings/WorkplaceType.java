package org.jobboard.contracts.postings;

/** Where the work happens. */
public enum WorkplaceType {
    ON_SITE, HYBRID, REMOTE
}

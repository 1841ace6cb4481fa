package org.jobboard.contracts.postings;

/** Why a recruiter closed a posting. */
public enum CloseReason {
    FILLED, CANCELLED, ON_HOLD, DUPLICATE, OTHER
}

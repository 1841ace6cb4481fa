package org.jobboard.applications.domain;

/** What a candidate sees of the pipeline: no internal stages, notes or reject reasons. */
public enum CandidateStatus {
    SUBMITTED, IN_REVIEW, INTERVIEWING, OFFERED, HIRED, NOT_SELECTED, WITHDRAWN
}

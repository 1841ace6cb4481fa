package org.jobboard.contracts.applications;

/** What a candidate sees of the pipeline: no internal stages, notes or reject reasons (one per {@link ApplicationStage}). */
public enum CandidateStatus {
    SUBMITTED, IN_REVIEW, INTERVIEWING, OFFERED, HIRED, NOT_SELECTED, WITHDRAWN
}

package org.jobboard.applications.domain;

/** Why an application was rejected: internal to the organization, never shown to the candidate. */
public enum RejectReason {
    NOT_QUALIFIED, POSITION_FILLED, CANDIDATE_DECLINED, KNOCKOUT, OTHER
}

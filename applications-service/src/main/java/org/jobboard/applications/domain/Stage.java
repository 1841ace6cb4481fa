package org.jobboard.applications.domain;

import org.jobboard.contracts.applications.ApplicationStage;
import org.jobboard.contracts.applications.CandidateStatus;

import java.util.Set;

/**
 * The recruiter's pipeline: APPLIED -> SCREENING -> INTERVIEW -> OFFER -> HIRED; any open stage -> REJECTED;
 * the candidate's withdraw -> WITHDRAWN. Candidates see a coarser status ({@link CandidateStatus}). Events carry the
 * stage as the contract's {@link ApplicationStage}, whose values are these ({@link #published()}).
 */
public enum Stage {
    APPLIED, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN;

    public boolean isOpen() {
        return this != HIRED && this != REJECTED && this != WITHDRAWN;
    }

    /** The stage a recruiter may move to from here (besides REJECTED from any open stage). */
    public Stage next() {
        return switch (this) {
            case APPLIED -> SCREENING;
            case SCREENING -> INTERVIEW;
            case INTERVIEW -> OFFER;
            case OFFER -> HIRED;
            default -> null;
        };
    }

    public boolean canMoveTo(Stage to) {
        if (!isOpen()) {
            return false;
        }
        if (to == REJECTED || to == WITHDRAWN) {
            return true;
        }
        return to == next();
    }

    /**
     * What a recruiter may do from here: one step forward, or REJECTED, while the application is open. WITHDRAWN is
     * the candidate's own decision and never a recruiter's.
     */
    public boolean recruiterMayMoveTo(Stage to) {
        return isOpen() && to != null && to != WITHDRAWN && (to == REJECTED || to == next());
    }

    public static final Set<Stage> CLOSED = Set.of(HIRED, REJECTED, WITHDRAWN);

    public CandidateStatus candidateStatus() {
        return switch (this) {
            case APPLIED -> CandidateStatus.SUBMITTED;
            case SCREENING -> CandidateStatus.IN_REVIEW;
            case INTERVIEW -> CandidateStatus.INTERVIEWING;
            case OFFER -> CandidateStatus.OFFERED;
            case HIRED -> CandidateStatus.HIRED;
            case REJECTED -> CandidateStatus.NOT_SELECTED;
            case WITHDRAWN -> CandidateStatus.WITHDRAWN;
        };
    }

    /** The stage as events publish it (the contract's enumeration has the same values; StageTest holds them equal). */
    public ApplicationStage published() {
        return ApplicationStage.valueOf(name());
    }
}

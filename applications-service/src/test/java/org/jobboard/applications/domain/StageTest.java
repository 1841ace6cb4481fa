package org.jobboard.applications.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageTest {
    @Test
    void forwardOneStepAtATimeOrRejectOrWithdrawWhileOpen() {
        assertTrue(Stage.APPLIED.canMoveTo(Stage.SCREENING));
        assertFalse(Stage.APPLIED.canMoveTo(Stage.INTERVIEW));
        assertTrue(Stage.OFFER.canMoveTo(Stage.HIRED));
        assertTrue(Stage.INTERVIEW.canMoveTo(Stage.REJECTED));
        assertFalse(Stage.HIRED.canMoveTo(Stage.REJECTED));
        assertFalse(Stage.REJECTED.canMoveTo(Stage.SCREENING));
        assertFalse(Stage.WITHDRAWN.canMoveTo(Stage.WITHDRAWN));
        assertFalse(Stage.SCREENING.canMoveTo(Stage.APPLIED));
    }

    @Test
    void recruitersNeverWithdrawAndNeverSkip() {
        assertTrue(Stage.APPLIED.recruiterMayMoveTo(Stage.SCREENING));
        assertTrue(Stage.OFFER.recruiterMayMoveTo(Stage.REJECTED));
        assertFalse(Stage.APPLIED.recruiterMayMoveTo(Stage.WITHDRAWN));
        assertFalse(Stage.APPLIED.recruiterMayMoveTo(Stage.OFFER));
        assertFalse(Stage.SCREENING.recruiterMayMoveTo(Stage.SCREENING));
        assertFalse(Stage.HIRED.recruiterMayMoveTo(Stage.REJECTED));
        assertFalse(Stage.REJECTED.recruiterMayMoveTo(Stage.REJECTED));
    }

    @Test
    void candidatesSeeTheirOwnVocabulary() {
        assertEquals(CandidateStatus.INTERVIEWING, Stage.INTERVIEW.candidateStatus());
        assertEquals(CandidateStatus.NOT_SELECTED, Stage.REJECTED.candidateStatus());
        assertEquals(CandidateStatus.IN_REVIEW, Stage.SCREENING.candidateStatus());
    }
}

package org.jobboard.applications.domain;

import org.jobboard.contracts.applications.ApplicationStage;
import org.jobboard.contracts.applications.CandidateStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;

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

    @Test
    void theDomainStagesAreTheContractsStagesInTheSameOrder() {
        assertEquals(Arrays.stream(ApplicationStage.values()).map(Enum::name).toList(),
                Arrays.stream(Stage.values()).map(Enum::name).toList());
        for (Stage stage : Stage.values()) {
            assertEquals(stage.name(), stage.published().name());
        }
    }

    @Test
    void everyCandidateStatusIsWhatSomeStageLooksLike() {
        EnumSet<CandidateStatus> seen = EnumSet.noneOf(CandidateStatus.class);
        for (Stage stage : Stage.values()) {
            seen.add(stage.candidateStatus());
        }
        assertEquals(EnumSet.allOf(CandidateStatus.class), seen);
    }
}

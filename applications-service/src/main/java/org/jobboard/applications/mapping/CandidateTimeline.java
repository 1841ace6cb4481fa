package org.jobboard.applications.mapping;

import org.jobboard.applications.domain.ApplicationTransition;
import org.jobboard.contracts.applications.CandidateStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline history as a candidate may see it, decided here once: candidate statuses only, never reject
 * reasons, notes or who moved the application. Moves the candidate cannot tell apart collapse into one change.
 */
public final class CandidateTimeline {
    private CandidateTimeline() {
    }

    /** One change of the candidate-visible status. */
    public record Change(CandidateStatus status, Instant at) {
    }

    public static List<Change> of(List<ApplicationTransition> history) {
        List<Change> changes = new ArrayList<>();
        CandidateStatus last = null;
        for (ApplicationTransition t : history) {
            CandidateStatus status = t.toStage.candidateStatus();
            if (status != last) {
                changes.add(new Change(status, t.occurredAt));
                last = status;
            }
        }
        return changes;
    }
}

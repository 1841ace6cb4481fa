package org.jobboard.applications.service;

import org.jobboard.applications.domain.RejectReason;
import org.jobboard.applications.domain.Stage;

/** A recruiter's move of an application: the stage, a reason (with REJECTED only) and an optional internal note. */
public record StageMove(Stage to, RejectReason reason, String note) {
}

package org.jobboard.postings.rest;

import jakarta.validation.constraints.NotNull;
import org.jobboard.postings.domain.CloseReason;

public record CloseRequest(@NotNull CloseReason reason) {
}

package org.jobboard.postings.api;

import jakarta.validation.constraints.NotNull;
import org.jobboard.contracts.postings.CloseReason;

public record CloseRequest(@NotNull CloseReason reason) {
}

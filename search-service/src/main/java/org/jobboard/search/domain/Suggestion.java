package org.jobboard.search.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An autocomplete entry: a title or a skill, with how many open postings use it. */
public record Suggestion(@Schema(required = true, description = "A posting title or a skill", maxLength = 200) String text,
        @Schema(required = true) Kind type, @Schema(required = true, minimum = "0") long count) {
    public enum Kind {
        TITLE, SKILL
    }
}

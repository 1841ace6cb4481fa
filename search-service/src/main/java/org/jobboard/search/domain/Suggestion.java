package org.jobboard.search.domain;

/** An autocomplete entry: a title or a skill, with how many open postings use it. */
public record Suggestion(String text, Kind type, long count) {
    public enum Kind {
        TITLE, SKILL
    }
}

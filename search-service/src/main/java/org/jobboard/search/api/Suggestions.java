package org.jobboard.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.search.domain.Suggestion;

import java.util.List;

/** The answer of {@code GET /v1/search/suggestions}: titles and skills, most used first. */
public record Suggestions(@Schema(required = true, maxItems = 10) List<Suggestion> items) {
}

package org.jobboard.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of a list: {@code { "items": [...], "nextCursor": "..." }} (docs/conventions.md, "Reading lists"). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, String nextCursor) {
}

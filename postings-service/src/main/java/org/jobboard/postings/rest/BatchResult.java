package org.jobboard.postings.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.platform.problem.FieldError;

import java.util.List;

@Schema(name = "PostingBatchResult")
public record BatchResult(List<Item> items, int created, int updated, int unchanged, int failed) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, ERROR }

    @Schema(name = "PostingBatchItemResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String requisitionId, Outcome outcome, String id, String status, Long version,
            Integer errorStatus, String error, List<FieldError> errors) {
    }
}

package org.jobboard.postings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.platform.problem.FieldError;

import java.util.List;

@Schema(name = "PostingBatchResult")
public record BatchResult(@Schema(required = true, maxItems = 200) List<Item> items,
        @Schema(required = true, minimum = "0", maximum = "200") int created,
        @Schema(required = true, minimum = "0", maximum = "200") int updated,
        @Schema(required = true, minimum = "0", maximum = "200") int unchanged,
        @Schema(required = true, minimum = "0", maximum = "200") int failed) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, ERROR }

    @Schema(name = "PostingBatchItemResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@Schema(required = true, description = "Position in the request", minimum = "0", maximum = "199") int index,
            @Schema(description = "Absent when the item is not a posting or names none", maxLength = 40) String requisitionId,
            @Schema(required = true) Outcome outcome,
            @Schema(format = "uuid", maxLength = 36) String id,
            @Schema(enumeration = { "DRAFT", "PUBLISHED", "CLOSED", "EXPIRED" }) String status,
            @Schema(minimum = "0") Long version,
            @Schema(description = "With outcome ERROR: the status a single request would have had", minimum = "400", maximum = "599") Integer errorStatus,
            @Schema(description = "With outcome ERROR: what went wrong", maxLength = 2000) String error,
            @Schema(maxItems = 200) List<FieldError> errors) {
    }
}

package org.jobboard.postings.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** ATS synchronisation: up to 200 postings keyed by requisitionId; each item is validated on its own. */
@Schema(name = "PostingBatchRequest")
public record BatchRequest(
        @Schema(description = "Publish created or updated drafts when they pass the publish checks") Boolean publish,
        @Schema(type = SchemaType.ARRAY, implementation = PostingInput.class,
                description = "Postings, each with its requisitionId; an invalid item fails alone")
        @NotNull @Size(min = 1, max = 200) List<@NotNull Object> items) {
}

package org.jobboard.applications.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.TextExtraction;

/**
 * A resume: its detected type and size, the link to the file, and for recruiters (and the export) where its text
 * extraction stands and, in the single view and the export, the text once extracted.
 */
@Schema(name = "Resume")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeView(
        @Schema(required = true, enumeration = { "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/msword", "application/rtf", "text/plain" }) String mediaType,
        @Schema(required = true, minimum = "0") long sizeBytes,
        @Schema(required = true, description = "Where to download the file (relative to the API)", format = "uri-reference", maxLength = 100,
                pattern = "^/v1/applications/[0-9a-f-]{36}/resume$") String href,
        @Schema(description = "Recruiters and the export only. The text is extracted in the background after the "
                + "application is stored: PENDING until then, DONE once `text` holds it (absent if the document has "
                + "none), FAILED if the document cannot be read (the file stays downloadable)")
        TextExtraction extractionStatus,
        @Schema(description = "The extracted text (recruiters' single view and the export), once extractionStatus is DONE",
                maxLength = 1048576)
        String text) {
}

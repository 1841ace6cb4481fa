package org.jobboard.applications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resume: its detected type and size, the link to the file, and (recruiters' single view, export) its text. */
@Schema(name = "Resume")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeView(String mediaType, long sizeBytes, String href, String text) {
}

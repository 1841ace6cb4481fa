package org.jobboard.applications.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the multipart form of an application looks (for the OpenAPI document; the resource reads the parts itself). */
@Schema(name = "ApplyMultipart", requiredProperties = "application")
public class ApplyMultipart {
    @Schema(description = "The application (JSON)")
    public ApplyRequest application;

    @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880,
            description = "PDF, DOCX, DOC, RTF or TXT, at most 5 MB; the type is decided from the content")
    public String resume;
}

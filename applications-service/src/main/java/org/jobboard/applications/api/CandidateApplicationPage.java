package org.jobboard.applications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How a page of applications looks (for the OpenAPI document; the resource answers a platform Page). */
@Schema(name = "CandidateApplicationPage", requiredProperties = { "items", "nextCursor" })
public class CandidateApplicationPage {
    @Schema(maxItems = 100)
    public List<CandidateApplicationView> items;

    @Schema(description = "Opaque; pass as cursor for the next page. Null on the last page.", nullable = true,
            maxLength = 1024, pattern = "^[A-Za-z0-9_-]+$")
    public String nextCursor;
}

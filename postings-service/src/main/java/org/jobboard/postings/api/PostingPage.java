package org.jobboard.postings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How a page of postings looks (for the OpenAPI document; the resource answers a platform Page). */
@Schema(name = "PostingPage", requiredProperties = { "items", "nextCursor" })
public class PostingPage {
    @Schema(maxItems = 100)
    public List<PostingView> items;

    @Schema(description = "Opaque; pass as cursor for the next page. Null on the last page.", nullable = true,
            maxLength = 1024, pattern = "^[A-Za-z0-9_-]+$")
    public String nextCursor;
}

package org.jobboard.postings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How a page of feed changes looks (for the OpenAPI document; the resource answers a platform Page). */
@Schema(name = "ChangePage", requiredProperties = { "items", "nextCursor" })
public class ChangePage {
    @Schema(maxItems = 100)
    public List<Change> items;

    @Schema(description = "Opaque; poll again with it (it stays the same until news arrive). Null only "
            + "when the feed is empty and no cursor was sent.", nullable = true,
            maxLength = 1024, pattern = "^[A-Za-z0-9_-]+$")
    public String nextCursor;
}

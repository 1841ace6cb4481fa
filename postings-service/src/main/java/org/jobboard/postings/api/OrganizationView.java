package org.jobboard.postings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.Location;

import java.time.Instant;

@Schema(name = "Organization")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(@Schema(required = true, format = "uuid", maxLength = 36) String id,
        @Schema(required = true, maxLength = 200) String name,
        @Schema(format = "uri", maxLength = 2000) String website,
        @Schema(format = "uri", maxLength = 2000) String logoUrl,
        @Schema(maxLength = 10000) String description,
        Location headquarters,
        @Schema(required = true, description = "Increases with every change; the ETag", minimum = "0") long version,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {
}

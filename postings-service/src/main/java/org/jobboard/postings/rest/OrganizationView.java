package org.jobboard.postings.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.Location;

import java.time.Instant;

@Schema(name = "Organization")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(String id, String name, String website, String logoUrl, String description,
        Location headquarters, long version, Instant createdAt, Instant updatedAt) {
}

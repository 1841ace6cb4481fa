package org.jobboard.postings.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.Location;

/** An organization's public profile, as an admin creates it or its recruiters update it (merge patch target). */
@Schema(name = "OrganizationInput")
public record OrganizationInput(
        @Schema(description = "Optional on create (admins provisioning an id already used in Keycloak); ignored on update",
                format = "uuid", maxLength = 36, pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", message = "must be a UUID") String id,
        @NotBlank @Size(max = 200) String name,
        @Schema(format = "uri", pattern = "^https?://\\S+$")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Schema(format = "uri", pattern = "^https://\\S+$")
        @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String logoUrl,
        @Size(max = 10000) String description,
        @Valid Location headquarters) {
}

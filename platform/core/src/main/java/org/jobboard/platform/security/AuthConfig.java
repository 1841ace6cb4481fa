package org.jobboard.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobboard.auth")
public interface AuthConfig {
    /** The access-token claim that carries a recruiter's organization id (a Keycloak user-attribute mapper). */
    @WithDefault("organization_id")
    String organizationClaim();
}

package org.jobboard.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jobboard.platform.problem.ApiException;

import java.util.Optional;

/**
 * Who is calling, decided only from the validated token: subject, roles and the recruiter's organization.
 * Nothing here ever reads a request field.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    AuthConfig config;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    /** The token's subject; for a client-credentials token, the service account's subject. */
    public String subject() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public Optional<String> organizationId() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(config.organizationClaim());
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim.toString();
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A recruiter acts only inside the organization its token names; a recruiter token without one may do nothing. */
    public String requireOrganizationId() {
        return organizationId().orElseThrow(() -> ApiException.forbidden(
                "the token carries no organization; ask an administrator to assign you to one"));
    }

    /** The token's organization as an id; a claim that is not one is refused like a missing one (403). */
    public java.util.UUID requireOrganizationUuid() {
        return org.jobboard.platform.ids.Ids.parse(requireOrganizationId()).orElseThrow(() -> ApiException.forbidden(
                "the token's organization claim is not a valid organization id"));
    }

    /** True when the caller is a recruiter of exactly this organization. */
    public boolean isRecruiterOf(String organizationId) {
        return hasRole(Roles.RECRUITER) && organizationId != null
                && organizationId().map(organizationId::equals).orElse(false);
    }
}

package org.jobboard.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * Which bucket a request draws from: the policy (by the caller's strongest role, with a tighter one for applying)
 * and the caller key (token subject, the client id for client credentials, otherwise the client IP).
 */
public final class RatePolicy {
    private static final List<String> ROLES_BY_STRENGTH = List.of("admin", "recruiter", "aggregator", "candidate");

    private RatePolicy() {
    }

    public record Bucket(String policy, String callerKey) {
    }

    /** @param applying the request applies for a job (see {@link org.jobboard.gateway.route.Route#isApply}) */
    public static Bucket of(SecurityIdentity identity, boolean applying, String clientIp) {
        if (identity == null || identity.isAnonymous()) {
            return new Bucket("anonymous", "ip:" + clientIp);
        }
        String role = ROLES_BY_STRENGTH.stream().filter(identity::hasRole).findFirst().orElse("authenticated");
        String key = "sub:" + identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if ("aggregator".equals(role) && jwt.getClaim("azp") != null) {
                key = "client:" + jwt.getClaim("azp");
            } else if (jwt.getSubject() != null) {
                key = "sub:" + jwt.getSubject();
            }
        }
        if ("candidate".equals(role) && applying) {
            return new Bucket("candidate-apply", key);
        }
        return new Bucket(role, key);
    }
}

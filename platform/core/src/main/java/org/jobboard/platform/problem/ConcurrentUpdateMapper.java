package org.jobboard.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Set;

/**
 * Two writers that sent the same, then current, If-Match both pass the check; the database then lets one update win
 * and the other fails its version check at flush or commit. For the loser the precondition no longer holds: 412
 * (RFC 9110 13.1.1), as if it had come a moment later, not a 500.
 * <p>
 * Matched by class name anywhere in the cause chain, because platform-core has no persistence types: the gateway
 * has no Hibernate, and a mapper declared for a type missing at runtime would stop it from starting. Everything else
 * goes to {@link ProblemMappers#unexpected}, unchanged.
 */
public class ConcurrentUpdateMapper {
    /** Hibernate's own exception, and what JPA turns it into; subclasses (StaleObjectStateException) match too. */
    static final Set<String> LOST_UPDATE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException");

    /** Wrappers (transaction rollback, CDI, JPA) are a few levels deep at most; the bound guards against cycles. */
    private static final int MAX_CAUSES = 16;

    @Inject
    ProblemMappers problems;

    @ServerExceptionMapper
    public Response concurrentUpdate(Exception e, UriInfo uri) {
        if (isLostUpdate(e)) {
            return problems.api(ApiException.preconditionFailed(
                    "the resource changed since you read it; read it again and retry"), uri);
        }
        return problems.unexpected(e, uri);
    }

    static boolean isLostUpdate(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (LOST_UPDATE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.jobboard.gateway.route;

import io.vertx.core.http.HttpMethod;
import org.jobboard.gateway.security.AccessPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private final RouteTable routes = RouteTable.of(List.of(
            new Route("postings", "/v1/postings", "postings", READS, false),
            new Route("exports", "/v1/postings/exports", "exports", Set.of(), false),
            new Route("applications", "/v1/applications", "applications", Set.of(), true)));

    @Test
    void aPrefixMatchesOnSegmentBoundariesAndTheLongestWins() {
        assertEquals("postings", routes.match("/v1/postings").orElseThrow().name());
        assertEquals("postings", routes.match("/v1/postings/1").orElseThrow().name());
        assertEquals("exports", routes.match("/v1/postings/exports/1").orElseThrow().name());
        assertTrue(routes.match("/v1/postingsX").isEmpty());
        assertTrue(routes.match("/v1").isEmpty());
    }

    @Test
    void onlyTheListedMethodsOfARoutedPathAreAnonymous() {
        AccessPolicy access = new AccessPolicy(routes);
        assertTrue(access.anonymousAllowed(HttpMethod.GET, "/v1/postings/1"));
        assertFalse(access.anonymousAllowed(HttpMethod.POST, "/v1/postings"));
        assertFalse(access.anonymousAllowed(HttpMethod.GET, "/v1/postings/exports/1"), "the longer prefix decides");
        assertFalse(access.anonymousAllowed(HttpMethod.GET, "/v1/unrouted"));
    }

    @Test
    void onlyAPostToTheApplyingPrefixItselfIsApplying() {
        Route applications = routes.match("/v1/applications").orElseThrow();
        assertTrue(applications.isApply(HttpMethod.POST, "/v1/applications"));
        assertFalse(applications.isApply(HttpMethod.POST, "/v1/applications/1/withdraw"));
        assertFalse(applications.isApply(HttpMethod.GET, "/v1/applications"));
        assertFalse(routes.match("/v1/postings").orElseThrow().isApply(HttpMethod.POST, "/v1/postings"));
    }

    @Test
    void aPrefixEndingInASlashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Route("x", "/v1/x/", "x", Set.of(), false));
    }
}

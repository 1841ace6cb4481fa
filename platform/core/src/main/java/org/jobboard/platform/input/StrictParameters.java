package org.jobboard.platform.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jobboard.platform.problem.ApiException;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters follow {@link TextRules} like JSON strings do: a decoded {@code %00} in {@code ?q=} or in
 * a path segment is a 400 naming the parameter, before any endpoint (or a database) sees it. Runs after matching, so
 * path parameters have their names; a path that matches nothing is a 404 anyway.
 */
public class StrictParameters {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        check(uri.getPathParameters(true));
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("query", "is not valid percent-encoding");
        }
        check(query);
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String nameViolation = TextRules.violation(name);
            if (nameViolation != null) {
                throw ApiException.badParameter("query", "parameter names " + nameViolation);
            }
            for (String value : parameter.getValue()) {
                String violation = value == null ? null : TextRules.violation(value);
                if (violation != null) {
                    throw ApiException.badParameter(name, violation);
                }
            }
        }
    }
}

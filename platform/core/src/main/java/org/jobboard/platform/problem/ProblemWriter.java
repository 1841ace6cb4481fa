package org.jobboard.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Problem+json written straight to a Vert.x response: for failures that happen before JAX-RS (authentication, the gateway's proxy). */
public final class ProblemWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    public static void write(RoutingContext ctx, int status, String slug, String title, String detail) {
        write(ctx, new Problem(slug, title, status, detail));
    }

    /** The problem of an {@link ApiException} (its field errors and extension members included). */
    public static void write(RoutingContext ctx, ApiException refused) {
        write(ctx, refused.toProblem());
    }

    private static void write(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body = body(problem, ctx.request().path());
        response.setStatusCode(problem.status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /** The problem+json document ({@code instance} may be null, e.g. for a request line that did not parse). */
    public static String body(int status, String slug, String title, String detail, String instance) {
        return body(new Problem(slug, title, status, detail), instance);
    }

    private static String body(Problem problem, String instance) {
        problem.instance = instance;
        var span = Span.current().getSpanContext();
        problem.traceId = span.isValid() ? span.getTraceId() : null;
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status + "}";
        }
    }
}

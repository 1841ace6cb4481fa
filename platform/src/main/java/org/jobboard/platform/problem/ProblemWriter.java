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
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body = body(status, slug, title, detail, ctx.request().path());
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /** The problem+json document ({@code instance} may be null, e.g. for a request line that did not parse). */
    public static String body(int status, String slug, String title, String detail, String instance) {
        Problem problem = new Problem(slug, title, status, detail);
        problem.instance = instance;
        var span = Span.current().getSpanContext();
        problem.traceId = span.isValid() ? span.getTraceId() : null;
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + status + "}";
        }
    }
}

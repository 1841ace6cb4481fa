package org.jobboard.applications.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.Problem;
import org.jobboard.platform.problem.ProblemMappers;

/**
 * A problem+json answer given on the event loop by {@link RequestBodyReader}, before Quarkus REST sees the request
 * (408, 413, 503, a malformed multipart body), and the careful close of a connection whose body was not read.
 */
final class EarlyAnswer {
    private static final long LINGER_MILLIS = 1000;
    private static final long LINGER_BYTES = 256 * 1024;

    private EarlyAnswer() {
    }

    /** Answers problem+json from here; with {@code close}, the rest of an unread body is not read: the connection closes. */
    static void refuse(RoutingContext ctx, ObjectMapper json, ApiException e, boolean close) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        Problem problem = e.toProblem();
        problem.instance = ctx.request().path();
        problem.traceId = ProblemMappers.currentTraceId();
        String text;
        try {
            text = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            text = "{\"status\":" + e.status() + "}";
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(e.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(text)
                .onComplete(written -> {
                    if (close) {
                        closeAfterLinger(ctx);
                    }
                });
    }

    /**
     * Closes the connection of a request answered before its body was read. A little of what the client already
     * sent is read and dropped first: closing a socket with unread data resets it, and the reset can destroy the
     * answer on its way to the client. (The response's end handlers stay the routing context's: they free the slot.)
     */
    private static void closeAfterLinger(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] dropped = { 0 };
        long timer = ctx.vertx().setTimer(LINGER_MILLIS, id -> request.connection().close());
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > LINGER_BYTES) {
                ctx.vertx().cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            ctx.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }
}

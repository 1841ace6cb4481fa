package org.jobboard.applications.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jobboard.applications.api.ResumeUpload;
import org.jobboard.applications.config.ApplicationsConfig;
import org.jobboard.platform.problem.ApiException;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every request body of this service in full on the event loop, before a worker thread takes the request, so
 * that a slow client holds no worker however long it keeps sending (Quarkus REST would otherwise read a multipart
 * body on the endpoint's worker thread, blocked for as long as the upload lasts). While reading:
 * <ul>
 * <li>a body that makes no progress for {@code jobboard.applications.uploads.no-progress-timeout} is answered 408 (a
 * slow but steady upload is never cut off: only silence counts);</li>
 * <li>applies with a body, multipart or JSON (which may carry a base64 resume), are admitted up to
 * {@code jobboard.applications.uploads.max-in-flight} at once (each holds its body in memory until it is answered);
 * beyond that 503 with Retry-After, before the body is read;</li>
 * <li>a multipart apply's shape is checked as it arrives ({@link MultipartShape}): a malformed body is a 400 naming the
 * problem, at once;</li>
 * <li>a body larger than any valid request of its kind is a 413: a multipart apply, the largest resume, the largest
 * application part and room for part headers; a JSON apply, the largest application part, the base64 of the largest
 * resume and room for the resume's name; any other body, the largest application part.</li>
 * </ul>
 * Quarkus REST then reads the body from memory (RoutingContext#body), without waiting on the network.
 */
@ApplicationScoped
public class RequestBodyReader {
    private static final Logger LOG = Logger.getLogger(RequestBodyReader.class);
    static final String APPLY_PATH = "/v1/applications";
    /** Room for the boundaries and part headers of a multipart apply, besides its two parts. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** Room in a JSON apply for the resume object around its base64 content (its file name, JSON-escaped: 6 x 255). */
    private static final long JSON_RESUME_OVERHEAD = 4 * 1024;
    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    ApplicationsConfig config;

    @Inject
    ObjectMapper json;

    /** The JSON application, alone or as the multipart part 'application', is at most this large. */
    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size")
    MemorySize maxJsonBody;

    @ConfigProperty(name = "quarkus.http.body.default-charset", defaultValue = "UTF-8")
    String defaultCharset;

    private final AtomicInteger uploadsInFlight = new AtomicInteger();

    @Inject
    MeterRegistry metrics;

    void routes(@Observes Router router) {
        Gauge.builder("jobboard.uploads.in.flight", uploadsInFlight, AtomicInteger::get)
                .description("applies (multipart or JSON) being read or processed (503 beyond uploads.max-in-flight)")
                .register(metrics);
        // after authentication (a refused token never gets this far), before Quarkus' body handling and the
        // platform's small-body pre-read (which leaves an already read body alone)
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    /** Applies with a body (multipart or JSON) being read or processed now (also the gauge jobboard.uploads.in.flight). */
    public int uploadsInFlight() {
        return uploadsInFlight.get();
    }

    void handle(RoutingContext ctx) {
        try {
            route(ctx);
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected error reading the body of %s", ctx.request().path());
            refuse(ctx, new ApiException(500, "internal", "Internal error", "an unexpected error occurred; it has been logged",
                    null, null), true);
        }
    }

    private void route(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (ctx.body().buffer() != null) {
            ctx.next();
            return;
        }
        if (isApply(request) && isMultipart(request)) {
            readMultipartApply(ctx);
        } else if (isApply(request) && isJson(request) && !request.isEnded() && hasBody(request)) {
            readJsonApply(ctx);
        } else if (!request.isEnded() && hasBody(request)) {
            new BodyRead(ctx, maxJsonBody.asLongValue(), null, null).start();
        } else {
            ctx.next();
        }
    }

    private void readMultipartApply(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MultipartShape shape;
        try {
            shape = MultipartShape.of(request.getHeader(HttpHeaders.CONTENT_TYPE), defaultCharset,
                    config.uploads().maxParts(), config.uploads().maxPartHeaders().asLongValue());
        } catch (ApiException e) {
            refuse(ctx, e, !request.isEnded());
            return;
        }
        Runnable release = admit(ctx);
        if (release != null) {
            long limit = config.resume().maxSize().asLongValue() + maxJsonBody.asLongValue() + MULTIPART_OVERHEAD;
            new BodyRead(ctx, limit, shape, release).start();
        }
    }

    /** A JSON apply may carry its resume, base64-encoded: a larger body than any other JSON, under the same cap. */
    private void readJsonApply(RoutingContext ctx) {
        Runnable release = admit(ctx);
        if (release != null) {
            new BodyRead(ctx, jsonApplyLimit(), null, release).start();
        }
    }

    /** The largest valid JSON apply: the largest application, the base64 of the largest resume, and room around it. */
    long jsonApplyLimit() {
        return maxJsonBody.asLongValue() + ResumeUpload.base64Length(config.resume().maxSize().asLongValue())
                + JSON_RESUME_OVERHEAD;
    }

    /**
     * Takes an upload slot, held until the request is answered (its body stays in memory until then), and returns
     * what frees it; or answers 503 with Retry-After, from the headers, and returns null.
     */
    private Runnable admit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (uploadsInFlight.incrementAndGet() > config.uploads().maxInFlight()) {
            uploadsInFlight.decrementAndGet();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            refuse(ctx, new ApiException(503, "busy", "Service busy", "too many uploads in progress; retry in "
                    + RETRY_AFTER_SECONDS + " s", null, null), !request.isEnded());
            return null;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                uploadsInFlight.decrementAndGet();
            }
        };
        ctx.addEndHandler(done -> release.run());
        return release;
    }

    private static boolean isApply(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && APPLY_PATH.equals(request.path());
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** application/json, with or without parameters: what the apply endpoint consumes (anything else is a 415 there). */
    private static boolean isJson(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !"0".equals(length.trim());
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Quarkus answers a malformed length itself
        }
    }

    /** One body being read: the bytes so far, when the last one came, and how it ends. */
    private final class BodyRead {
        private final RoutingContext ctx;
        private final long limit;
        private final MultipartShape shape;
        private final Runnable onAbandon;
        private final long timeoutNanos = config.uploads().noProgressTimeout().toNanos();
        private Buffer body;
        private long lastProgress;
        private long timer = -1;
        private boolean over;

        BodyRead(RoutingContext ctx, long limit, MultipartShape shape, Runnable onAbandon) {
            this.ctx = ctx;
            this.limit = limit;
            this.shape = shape;
            this.onAbandon = onAbandon == null ? () -> {
            } : onAbandon;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            long declared = declaredLength(request);
            if (declared > limit) {
                fail(ApiException.tooLarge("the request body is larger than " + limit / 1024 + " KB"));
                return;
            }
            if (request.isEnded()) {
                end();
                return;
            }
            body = Buffer.buffer((int) Math.max(0, Math.min(declared, 64 * 1024)));
            lastProgress = System.nanoTime();
            timer = ctx.vertx().setTimer(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + 1, id -> checkProgress());
            request.handler(this::chunk);
            request.endHandler(v -> end());
            request.exceptionHandler(e -> {
                // the client went away: nobody to answer
                finish();
                onAbandon.run();
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                // a client that waits for the go-ahead gets it once the request is admitted
                ctx.response().writeContinue();
            }
            request.resume(); // the router may have paused it
        }

        private void chunk(Buffer chunk) {
            if (over) {
                return;
            }
            lastProgress = System.nanoTime();
            if (body.length() + (long) chunk.length() > limit) {
                fail(ApiException.tooLarge("the request body is larger than " + limit / 1024 + " KB"));
                return;
            }
            body.appendBuffer(chunk);
            if (shape != null) {
                try {
                    shape.accept(chunk);
                } catch (ApiException e) {
                    fail(e);
                }
            }
        }

        private void end() {
            if (over) {
                return;
            }
            if (shape != null) {
                try {
                    shape.finish();
                } catch (ApiException e) {
                    fail(e);
                    return;
                }
            }
            finish();
            ctx.setBody(body == null ? Buffer.buffer() : body);
            ctx.next();
        }

        private void checkProgress() {
            if (over) {
                return;
            }
            long silent = System.nanoTime() - lastProgress;
            if (silent >= timeoutNanos) {
                fail(new ApiException(408, "request-timeout", "Request timeout", "no part of the request body arrived for "
                        + config.uploads().noProgressTimeout().toSeconds() + " s", null, null));
            } else {
                timer = ctx.vertx().setTimer(TimeUnit.NANOSECONDS.toMillis(timeoutNanos - silent) + 1, id -> checkProgress());
            }
        }

        private void fail(ApiException e) {
            finish();
            refuse(ctx, e, true);
        }

        private void finish() {
            over = true;
            if (timer >= 0) {
                ctx.vertx().cancelTimer(timer);
            }
        }
    }

    /** Answers problem+json from here; with {@code close}, the rest of an unread body is not read. */
    private void refuse(RoutingContext ctx, ApiException e, boolean close) {
        EarlyAnswer.refuse(ctx, json, e, close);
    }
}

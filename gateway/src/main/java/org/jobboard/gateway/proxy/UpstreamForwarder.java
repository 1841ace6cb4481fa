package org.jobboard.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.gateway.time.Ticker;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a request on to one of its upstream's instances, streaming the body without buffering it. An instance that
 * refuses the connection (nothing was sent) or whose breaker is open is skipped; bodiless GET/HEAD also go to the next
 * instance when a connection breaks or an instance answers 503. Every exchange tells the instance's breaker what it
 * learnt ({@link BreakerVerdict}).
 */
@ApplicationScoped
public class UpstreamForwarder {
    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Upstreams upstreams;

    @Inject
    ForwardedHeaders headers;

    @Inject
    ResponseRelay relay;

    @Inject
    Rejections rejections;

    private HttpClientOptions clientOptions;
    /** Used off the event loops only (e.g. a callback of the Redis limiter on another thread). */
    private HttpClient sharedClient;
    /**
     * One client per event loop: its pooled upstream connections live on the loop that serves the incoming request,
     * so a proxied exchange never hops between threads (each hop costs a wake-up and shows as added latency).
     */
    private final Map<Thread, HttpClient> clientsByEventLoop = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false);
        sharedClient = vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(200));
    }

    void forward(RoutingContext ctx, Upstream upstream, String requestId, long maxBody) {
        List<Upstream.Instance> candidates = upstream.candidates();
        if (candidates.isEmpty()) {
            rejections.circuitOpen(ctx, upstream);
            return;
        }
        send(new Attempt(ctx, upstream, candidates, 0, requestId, upstreams.timeoutMillis(upstream), maxBody));
    }

    /** One try of a request on one of the upstream's instances; {@link #next()} is the same request on the next one. */
    private record Attempt(RoutingContext ctx, Upstream upstream, List<Upstream.Instance> candidates, int index,
            String requestId, long timeoutMillis, long maxBody) {
        Upstream.Instance instance() {
            return candidates.get(index);
        }

        boolean hasNext() {
            return index + 1 < candidates.size();
        }

        Attempt next() {
            return new Attempt(ctx, upstream, candidates, index + 1, requestId, timeoutMillis, maxBody);
        }
    }

    private void send(Attempt attempt) {
        RoutingContext ctx = attempt.ctx();
        HttpServerRequest request = ctx.request();
        Upstream.Instance instance = attempt.instance();
        if (!instance.breaker().tryAcquire()) {
            // its half-open probe was taken meanwhile: the next instance, or 502 when none is left
            if (attempt.hasNext()) {
                send(attempt.next());
            } else {
                rejections.circuitOpen(ctx, attempt.upstream());
            }
            return;
        }
        ctx.put("instance", instance.address());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.tls())
                .setURI(request.uri());
        client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                BreakerVerdict.ofFailure(connected.cause(), false, false).applyTo(instance.breaker());
                if (connected.cause() instanceof ConnectException && attempt.hasNext()) {
                    send(attempt.next()); // nothing was sent
                } else {
                    rejections.upstreamFailed(ctx, attempt.upstream(), connected.cause());
                }
                return;
            }
            exchange(attempt, connected.result());
        });
    }

    /** Streams the request to the instance and its answer back. */
    private void exchange(Attempt attempt, HttpClientRequest upstreamRequest) {
        RoutingContext ctx = attempt.ctx();
        HttpServerRequest request = ctx.request();
        headers.copy(request, upstreamRequest.headers(), attempt.requestId());
        // the client's and the upstream's idleness are real socket timeouts, checked by Vert.x timers: real time
        ClientBody body = hasBody(request) ? new ClientBody(vertx, Ticker.SYSTEM, request, attempt.maxBody(),
                config.clientIdleTimeout().toMillis(), attempt.timeoutMillis(),
                trouble -> onClientBodyTrouble(attempt, upstreamRequest, trouble)) : null;
        boolean[] requestSent = {false};
        upstreamRequest.response().onComplete(answered -> {
            if (body != null) {
                body.stop();
            }
            // an upstream that stopped taking the body is the instance's failure, every other trouble the client's
            boolean clientAtFault = body != null && body.trouble() != null
                    && body.trouble() != ClientBody.Trouble.UPSTREAM_NOT_READING;
            if (answered.failed()) {
                BreakerVerdict.ofFailure(answered.cause(), requestSent[0], clientAtFault)
                        .applyTo(attempt.instance().breaker());
                if (clientAtFault) {
                    return; // the client has had its answer (or is gone)
                }
                if (retryable(request) && attempt.hasNext() && !BreakerVerdict.isTimeout(answered.cause())) {
                    send(attempt.next()); // a connection that broke under an idempotent bodiless request
                } else {
                    rejections.upstreamFailed(ctx, attempt.upstream(), answered.cause());
                }
                return;
            }
            HttpClientResponse response = answered.result();
            BreakerVerdict.ofStatus(response.statusCode(), response.headers().contains(HttpHeaders.RETRY_AFTER))
                    .applyTo(attempt.instance().breaker());
            if (response.statusCode() == 503 && retryable(request) && attempt.hasNext()) {
                // an instance shutting down (rolling restart) refuses new work: ask the next one
                response.body().onComplete(drained -> send(attempt.next()));
                return;
            }
            relay.relay(ctx, response, attempt.instance());
        });
        Future<Void> sent;
        if (body == null) {
            // a bodiless request is sent as such: its (empty) stream was consumed by the first attempt and would
            // never end again for a retry
            request.resume(); // nothing to read; let the connection go on to its next request
            sent = upstreamRequest.end();
        } else {
            if (!upstreamRequest.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                upstreamRequest.setChunked(true);
            }
            ctx.addEndHandler(done -> body.stop());
            // a body broken off by its client is not ended upstream: the instance must not take it as complete
            sent = body.pipe().endOnFailure(false).to(upstreamRequest);
        }
        sent.onSuccess(done -> {
            requestSent[0] = true;
            // the instance's silence is counted from here on: a slow client is not a slow instance
            upstreamRequest.idleTimeout(attempt.timeoutMillis());
        });
    }

    /** The client's body went wrong: the upstream request is dropped, and the client answered if it is still there. */
    private void onClientBodyTrouble(Attempt attempt, HttpClientRequest upstreamRequest, ClientBody.Trouble trouble) {
        RoutingContext ctx = attempt.ctx();
        upstreamRequest.exceptionHandler(reset -> LOG.debugf("upstream request dropped: %s", trouble));
        upstreamRequest.reset();
        switch (trouble) {
            case TOO_LARGE -> rejections.tooLarge(ctx, attempt.maxBody());
            case CLIENT_STALLED -> rejections.rejectAndClose(ctx, 408, "request-timeout", "Request timeout",
                    "no byte of the request body arrived for " + config.clientIdleTimeout().toSeconds()
                            + " s; send it again");
            case UPSTREAM_NOT_READING -> rejections.rejectAndClose(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "the " + attempt.upstream().name() + " service did not take the request body in time");
            case CLIENT_ABORTED -> LOG.debugf("client aborted its request body: %s", ctx.request().path());
        }
    }

    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        return clientsByEventLoop.computeIfAbsent(Thread.currentThread(),
                loop -> vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(100)));
    }

    /** Idempotent and bodiless: safe to send again to another instance. */
    private static boolean retryable(HttpServerRequest request) {
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) && !hasBody(request);
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0")) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}

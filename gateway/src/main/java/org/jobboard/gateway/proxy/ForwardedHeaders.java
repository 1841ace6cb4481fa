package org.jobboard.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request headers an upstream gets: the client's, less hop-by-hop and client-sent forwarding headers, plus the
 * request id, the trace context and forwarding headers the gateway vouches for.
 */
@ApplicationScoped
public class ForwardedHeaders {
    public static final String REQUEST_ID = "X-Request-Id";
    /** RFC 9110 7.6.1 hop-by-hop headers, never forwarded (either way). */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "host");

    @Inject
    GatewayConfig config;

    void copy(HttpServerRequest request, MultiMap target, String requestId) {
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("forwarded")
                    && !lower.equals("x-request-id")) {
                target.add(name, value);
            }
        });
        target.set(REQUEST_ID, requestId);
        if (!target.contains("traceparent")) {
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                target.set("traceparent", "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex());
            }
        }
        target.set("X-Forwarded-For", clientIp(request));
        // what the service may build links from: the public URL, never the client's Host
        URI publicUrl = URI.create(config.publicUrl());
        target.set("X-Forwarded-Proto", publicUrl.getScheme());
        target.set("X-Forwarded-Host", publicUrl.getRawAuthority());
    }

    /** The client's address: the peer, or the first X-Forwarded-For hop when the peer is a trusted proxy. */
    String clientIp(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        List<String> trusted = config.trustedProxies().orElse(List.of());
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trusted.contains(peer)) {
            return forwarded.split(",")[0].strip();
        }
        return peer;
    }
}

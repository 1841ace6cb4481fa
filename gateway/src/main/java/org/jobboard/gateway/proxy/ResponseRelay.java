package org.jobboard.gateway.proxy;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.gateway.config.GatewayConfig;

import java.util.Locale;
import java.util.Set;

/** Streams an upstream's answer back to the client, with the headers the client may see. */
@ApplicationScoped
public class ResponseRelay {
    private static final Logger LOG = Logger.getLogger(ResponseRelay.class);
    /** Response headers carrying absolute URLs of the service, rewritten to the public URL. */
    private static final Set<String> LINK_HEADERS = Set.of("location", "content-location", "link");

    @Inject
    GatewayConfig config;

    void relay(RoutingContext ctx, HttpClientResponse upstreamResponse, Upstream.Instance instance) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstreamResponse.statusCode());
        upstreamResponse.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (LINK_HEADERS.contains(lower)) {
                response.headers().add(name, publicLinks(value, instance));
            } else if (!ForwardedHeaders.HOP_BY_HOP.contains(lower) && !lower.equals("x-request-id")
                    && !lower.equals("server") && !lower.startsWith("ratelimit-")) {
                // the request id and the rate-limit headers are the gateway's own
                response.headers().add(name, value);
            }
        });
        response.send(upstreamResponse).onFailure(error -> LOG.debugf("response stream aborted: %s", error));
    }

    /**
     * A service builds absolute links from the Host it was called with — its own address behind the gateway. They are
     * given back to the client with the configured public URL (like a reverse proxy's redirect rewriting), never with
     * the Host or X-Forwarded-Host the request came with: a link names no internal host, and a client cannot make the
     * gateway hand out links to a host of its choosing (Host-header injection into Location, Link and the cache).
     */
    String publicLinks(String value, Upstream.Instance instance) {
        String scheme = instance.tls() ? "https" : "http";
        String internal = scheme + "://" + instance.host() + ":" + instance.port();
        String internalDefaultPort = scheme + "://" + instance.host();
        if (!value.contains(internalDefaultPort)) {
            return value;
        }
        String origin = config.publicUrl().replaceAll("/+$", "");
        String rewritten = value.replace(internal, origin);
        boolean defaultPort = instance.port() == (instance.tls() ? 443 : 80);
        return defaultPort ? rewritten.replace(internalDefaultPort + "/", origin + "/") : rewritten;
    }
}

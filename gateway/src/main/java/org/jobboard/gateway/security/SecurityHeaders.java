package org.jobboard.gateway.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Headers every response gets besides the configured ones. HSTS only over TLS (RFC 6797 8.1: a browser ignores it over
 * plain HTTP, and it must not be sent there). {@code Vary: Origin}: CORS reflects an allowed origin (never "*"), so
 * every answer depends on the Origin header and a shared cache must not hand one origin's answer to another (Quarkus's
 * CORS filter does not add it).
 */
@ApplicationScoped
public class SecurityHeaders {
    void routes(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            if (ctx.request().isSSL()) {
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            ctx.addHeadersEndHandler(v -> varyByOrigin(ctx.response().headers()));
            ctx.next();
        });
    }

    private static void varyByOrigin(io.vertx.core.MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String field : vary.split(",")) {
                String name = field.strip().toLowerCase(Locale.ROOT);
                if (name.equals("origin") || name.equals("*")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }
}

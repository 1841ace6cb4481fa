package org.jobboard.gateway.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** HSTS only over TLS (RFC 6797 8.1: a browser ignores it over plain HTTP, and it must not be sent there). */
@ApplicationScoped
public class SecurityHeaders {
    void routes(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            if (ctx.request().isSSL()) {
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            ctx.next();
        });
    }
}

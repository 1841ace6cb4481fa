package org.jobboard.applications.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jobboard.applications.service.ExtractionPacing;

/** Tells extraction pacing that the service is busy: every API request does; health probes and scrapes (/q/) do not. */
@ApplicationScoped
public class RequestActivity {
    @Inject
    ExtractionPacing pacing;

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1000).handler(ctx -> {
            if (!ctx.request().path().startsWith("/q/")) {
                pacing.requestSeen();
            }
            ctx.next();
        });
    }
}

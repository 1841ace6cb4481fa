package org.jobboard.gateway.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The gateway's time sources; a test replaces one simply by declaring a bean of the same type. */
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    Ticker ticker() {
        return Ticker.SYSTEM;
    }
}

package org.jobboard.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one wall clock of a service, injected wherever time is read, so that a test can install another
 * ({@code @Alternative} or a producer of its own) instead of waiting for the real one.
 */
public class SystemClock {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

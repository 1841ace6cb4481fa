package org.jobboard.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "jobboard.gateway")
public interface GatewayConfig {
    /** Upstream name -> comma-separated base URLs of its instances. */
    Map<String, String> upstreams();

    /** Per-upstream timeouts overriding {@link #defaultTimeout()}. */
    Map<String, Duration> timeouts();

    /** How long an upstream may stay silent before the client gets a 504. */
    @WithDefault("10s")
    Duration defaultTimeout();

    @WithDefault("2s")
    Duration connectTimeout();
}

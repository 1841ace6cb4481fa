package org.jobboard.gateway.proxy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jobboard.gateway.config.GatewayConfig;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access log: one JSON object per line on standard output for every request. Each thread (in practice each
 * event loop) appends to its own buffer, and a timer writes all buffers every {@code flush-interval} in one system
 * call. Handing every line to a logging thread instead cost a thread wake-up per request — measured as the gateway's
 * largest per-request cost — and writing it directly a system call on the event loop.
 */
@ApplicationScoped
public class AccessLog {
    private static final int FLUSH_AT_CHARS = 64 * 1024;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private final Map<Thread, StringBuilder> buffers = new ConcurrentHashMap<>();
    private volatile PrintStream out = System.out;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (config.accessLog().enabled()) {
            timer = vertx.setPeriodic(config.accessLog().flushInterval().toMillis(), id -> flush());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        flush();
    }

    public boolean enabled() {
        return config.accessLog().enabled();
    }

    /** One JSON line for a request; never a token, a body or a query string (it may carry personal data). */
    void log(RoutingContext ctx, String route, String requestId, long nanos) {
        Object upstream = ctx.get("upstream");
        Object instance = ctx.get("instance");
        StringBuilder line = new StringBuilder(256).append("{\"method\":\"").append(ctx.request().method())
                .append("\",\"route\":\"").append(route)
                .append("\",\"path\":\"").append(jsonSafe(ctx.request().path()))
                .append("\",\"status\":").append(ctx.response().getStatusCode())
                .append(",\"durationMs\":").append(nanos / 10_000 / 100.0)
                .append(",\"upstream\":\"").append(upstream == null ? "" : upstream)
                .append("\",\"instance\":\"").append(instance == null ? "" : instance)
                .append("\",\"requestId\":\"").append(jsonSafe(requestId)).append("\"}");
        append(line);
    }

    /** Escapes what would break the JSON line; client-controlled text (path, request id) never forges a field. */
    static String jsonSafe(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = c == '\\' ? "\\\\" : c == '"' ? "\\\"" : c < 0x20 ? "?" : null;
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    /** Appends one line (without its newline); written within the flush interval. */
    public void append(CharSequence line) {
        StringBuilder buffer = buffers.computeIfAbsent(Thread.currentThread(), thread -> new StringBuilder(8192));
        boolean full;
        synchronized (buffer) { // only contended by the flush timer, a few times per second
            buffer.append(line).append('\n');
            full = buffer.length() >= FLUSH_AT_CHARS;
        }
        if (full) {
            write(buffer);
        }
    }

    /** Writes everything appended so far. */
    public void flush() {
        buffers.values().forEach(this::write);
    }

    private void write(StringBuilder buffer) {
        byte[] bytes;
        synchronized (buffer) {
            if (buffer.length() == 0) {
                return;
            }
            bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
        }
        PrintStream stream = out;
        synchronized (stream) {
            stream.write(bytes, 0, bytes.length);
            stream.flush();
        }
    }

    /** For tests: where the lines go. */
    void redirect(PrintStream stream) {
        flush();
        this.out = stream;
    }
}

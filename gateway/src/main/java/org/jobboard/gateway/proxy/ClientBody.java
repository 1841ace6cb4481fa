package org.jobboard.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import org.jobboard.gateway.time.Ticker;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client's request body on its way upstream. It counts what passes: beyond the limit it stops, so a chunked
 * upload without Content-Length cannot push more than the limit upstream. And it watches progress rather than total
 * duration: a candidate on a slow mobile network may take minutes for a resume, but a client that sends no byte for
 * the client idle time has stalled. While the upstream takes no bytes (the pipe paused this stream) the time is not
 * held against the client; an upstream that takes none for its own timeout is reported instead. Every trouble is
 * reported once, after which the stream passes nothing more and reads no more from the client.
 */
final class ClientBody implements ReadStream<Buffer> {
    enum Trouble {
        /** More than the limit. */
        TOO_LARGE,
        /** No byte from the client for the client idle time. */
        CLIENT_STALLED,
        /** The client closed its connection before the body was complete. */
        CLIENT_ABORTED,
        /** The upstream took no byte of the body for its timeout. */
        UPSTREAM_NOT_READING
    }

    private final Vertx vertx;
    private final Ticker ticker;
    private final HttpServerRequest source;
    private final long maxBytes;
    private final long clientIdleNanos;
    private final long upstreamIdleNanos;
    private final Consumer<Trouble> onTrouble;
    private long seen;
    private long lastProgress;
    private boolean pausedByPipe;
    private boolean ended;
    private Trouble trouble;
    private long timer = -1;

    /**
     * @param ticker the clock its Vert.x timers run on: progress is measured on the same time as the timers that
     *               check it
     */
    ClientBody(Vertx vertx, Ticker ticker, HttpServerRequest source, long maxBytes, long clientIdleMillis,
            long upstreamIdleMillis, Consumer<Trouble> onTrouble) {
        this.vertx = vertx;
        this.ticker = ticker;
        this.source = source;
        this.maxBytes = maxBytes;
        this.clientIdleNanos = TimeUnit.MILLISECONDS.toNanos(clientIdleMillis);
        this.upstreamIdleNanos = TimeUnit.MILLISECONDS.toNanos(upstreamIdleMillis);
        this.onTrouble = onTrouble;
    }

    /** What went wrong with the body, or null. */
    Trouble trouble() {
        return trouble;
    }

    /** The exchange is over (answered or broken off): stop watching. */
    void stop() {
        cancelTimer();
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(error -> {
            if (!ended && trouble == null) {
                report(Trouble.CLIENT_ABORTED);
            }
            if (handler != null) {
                handler.handle(error);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            cancelTimer();
            return this;
        }
        source.handler(buffer -> {
            if (trouble != null) {
                return;
            }
            lastProgress = ticker.nanos();
            seen += buffer.length();
            if (seen > maxBytes) {
                report(Trouble.TOO_LARGE);
                return;
            }
            handler.handle(buffer);
        });
        lastProgress = ticker.nanos();
        watch(Math.min(clientIdleNanos, upstreamIdleNanos));
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        pausedByPipe = true;
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (trouble != null) {
            return this; // read nothing more from a client we have given up on
        }
        pausedByPipe = false;
        lastProgress = ticker.nanos(); // the wait was the upstream's, not the client's
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (trouble == null) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(v -> {
            ended = true;
            cancelTimer();
            if (endHandler != null) {
                endHandler.handle(v);
            }
        });
        return this;
    }

    private void report(Trouble found) {
        trouble = found;
        cancelTimer();
        source.pause();
        onTrouble.accept(found);
    }

    /** Like an idle timeout that is not reset on every byte: one timer, re-armed for the time still left. */
    private void watch(long delayNanos) {
        cancelTimer();
        timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)), id -> {
            timer = -1;
            if (ended || trouble != null) {
                return;
            }
            long idle = ticker.nanos() - lastProgress;
            long limit = pausedByPipe ? upstreamIdleNanos : clientIdleNanos;
            if (idle >= limit) {
                report(pausedByPipe ? Trouble.UPSTREAM_NOT_READING : Trouble.CLIENT_STALLED);
            } else {
                watch(Math.min(limit - idle, Math.min(clientIdleNanos, upstreamIdleNanos)));
            }
        });
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}

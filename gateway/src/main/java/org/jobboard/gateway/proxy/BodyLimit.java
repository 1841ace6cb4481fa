package org.jobboard.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The client's request body as a stream that counts what passes: beyond the limit it stops and reports, so a chunked
 * upload without Content-Length cannot push more than the limit upstream.
 */
final class BodyLimit implements ReadStream<Buffer> {
    private final HttpServerRequest source;
    private final long max;
    private final Runnable onExceeded;
    private long seen;
    private boolean exceeded;

    BodyLimit(HttpServerRequest source, long max, Runnable onExceeded) {
        this.source = source;
        this.max = max;
        this.onExceeded = onExceeded;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > max) {
                exceeded = true;
                onExceeded.run();
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }
}

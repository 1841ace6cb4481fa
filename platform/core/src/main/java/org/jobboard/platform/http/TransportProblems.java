package org.jobboard.platform.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.core.net.impl.VertxHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jobboard.platform.problem.Problem;
import org.jobboard.platform.problem.ProblemWriter;
import org.jobboard.platform.rest.SmallBodyPreRead;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Problem+json for the errors that Vert.x and Quarkus answer below the application, with an empty body otherwise:
 * <ul>
 * <li>400, 414, 431 for a request whose head does not parse (bad request line or header, request line longer than
 * {@code quarkus.http.limits.max-initial-line-length}, headers over {@code max-header-size}). Vert.x hands such a
 * request to its server's {@code invalidRequestHandler}, which Quarkus neither sets nor exposes (its HttpServer is
 * private to its verticle). Each connection carries its own copy of that handler, so this class replaces it per
 * connection: a Netty handler on the listening socket marks every accepted connection, and once Vert.x has set the
 * connection up (before its first request is decoded) it gets {@link #answerInvalidRequest}.</li>
 * <li>413 for a declared Content-Length over {@code quarkus.http.limits.max-body-size}, answered before Quarkus'
 * own empty 413, and for any other failure that carries only a 4xx status (a chunked body that grows too large).</li>
 * </ul>
 * Every service and the gateway get it through the platform.
 */
@ApplicationScoped
public class TransportProblems {
    private static final Logger LOG = Logger.getLogger(TransportProblems.class);
    static final String LISTENER_HANDLER = "jobboard-transport-problems";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void routes(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> refuseDeclaredTooLarge(ctx, limit));
        router.route().failureHandler(TransportProblems::statusOnlyFailure);
    }

    static void refuseDeclaredTooLarge(RoutingContext ctx, long limit) {
        long length = SmallBodyPreRead.declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= limit) {
            ctx.next();
            return;
        }
        // the body is not read: the connection cannot be reused (as Quarkus' own 413 does)
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> ctx.request().connection().close());
        ProblemWriter.write(ctx, 413, "too-large", "Payload too large",
                "the request body is larger than " + limit + " bytes");
    }

    static void statusOnlyFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode() : failure == null ? ctx.statusCode() : -1;
        if (status < 400 || status > 499 || ctx.response().ended()) {
            ctx.next();
            return;
        }
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail = status == 413 ? "the request body is too large" : "the request could not be processed";
        if (status == 413) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemWriter.write(ctx, status, slug(title), title, detail);
    }

    void started(@Observes StartupEvent event, Vertx vertx) {
        markAcceptedConnections(vertx);
    }

    void serverStarted(@ObservesAsync HttpServerStart event, Vertx vertx) {
        markAcceptedConnections(vertx);
    }

    void tlsServerStarted(@ObservesAsync HttpsServerStart event, Vertx vertx) {
        markAcceptedConnections(vertx);
    }

    /** Adds {@link AcceptedConnections} to every listening HTTP socket of this Vert.x instance (once each). */
    static synchronized void markAcceptedConnections(Vertx vertx) {
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening != null && listening.pipeline().get(LISTENER_HANDLER) == null) {
                listening.pipeline().addFirst(LISTENER_HANDLER, new AcceptedConnections());
            }
        }
    }

    /** The bound socket of a Vert.x server: not exposed by Vert.x 4, read from its one field that holds it. */
    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            Object future = bind.get(server);
            if (future instanceof io.vertx.core.Future<?> f && f.succeeded() && f.result() instanceof Channel c) {
                return c;
            }
            LOG.warnf("the listening socket of %s is not where this Vert.x version kept it; requests that do not parse"
                    + " get Vert.x' empty answers", server);
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("cannot reach the listening socket of %s; requests that do not parse get Vert.x' empty answers (%s)",
                    server, e);
            return null;
        }
    }

    /** The answer to a request whose head did not parse, through Vert.x; the connection is closed after it. */
    static void answerInvalidRequest(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        InvalidHead invalid = InvalidHead.of(result == null ? null : result.cause());
        HttpServerResponse response = request.response();
        response.setStatusCode(invalid.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(invalid.body());
        response.close();
    }

    /** What is wrong with a request head that Netty's decoder refused. */
    record InvalidHead(int status, String detail) {
        static InvalidHead of(Throwable cause) {
            if (cause instanceof TooLongHttpLineException) {
                return new InvalidHead(414, "the request line (method, path and query) is too long");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new InvalidHead(431, "the request headers are too large");
            }
            return new InvalidHead(400, "the request line or a header is malformed");
        }

        String body() {
            String title = HttpResponseStatus.valueOf(status).reasonPhrase();
            return ProblemWriter.body(status, slug(title), title, detail, null);
        }
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** On the listening socket: gives each accepted connection a {@link ConnectionSetup}. */
    @ChannelHandler.Sharable
    static final class AcceptedConnections extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addLast(new ConnectionSetup());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Follows one new connection until Vert.x has made its HTTP/1.1 connection object, then gives that object
     * {@link #answerInvalidRequest} and leaves. Plain HTTP/1.1 has it at once; with cleartext HTTP/2 enabled (the
     * default), Vert.x adds its decoder on the first bytes and its connection only on the first decoded request, and
     * hands that request on at once: so until then this handler waits right behind the decoder and answers a first
     * request that did not parse itself (nothing else can be in progress on the connection yet).
     */
    static final class ConnectionSetup extends ChannelInboundHandlerAdapter {
        private static final String DECODER = "httpDecoder";
        private boolean answered;

        @Override
        public void channelRegistered(ChannelHandlerContext ctx) {
            // the listening socket's initializer (added after this handler) has set the pipeline up by now
            if (!configure(ctx)) {
                move(ctx, ctx.pipeline().get(DECODER) != null);
            }
            ctx.fireChannelRegistered();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (answered) {
                ReferenceCountUtil.release(msg); // the rest of a request already refused
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                answer(ctx, InvalidHead.of(request.decoderResult().cause()));
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpObject) {
                ctx.fireChannelRead(msg);
                configure(ctx); // the first request made the connection
                return;
            }
            if (!configure(ctx) && ctx.pipeline().get(DECODER) != null) {
                move(ctx, true); // the decoder arrived behind this handler with these first bytes
            }
            ctx.fireChannelRead(msg);
        }

        /** Re-adds this handler right behind the decoder, or last to wait for it; events go on from here. */
        private void move(ChannelHandlerContext ctx, boolean behindDecoder) {
            ChannelPipeline pipeline = ctx.pipeline();
            pipeline.remove(this);
            if (behindDecoder) {
                pipeline.addAfter(DECODER, null, new ConnectionSetup());
            } else {
                pipeline.addLast(new ConnectionSetup());
            }
        }

        private void answer(ChannelHandlerContext ctx, InvalidHead invalid) {
            answered = true;
            byte[] body = invalid.body().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(invalid.status()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            // from the tail, through the encoder that sits behind this handler
            ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        /** Gives Vert.x' connection the problem+json answer once it exists, and leaves; false while it does not. */
        private boolean configure(ChannelHandlerContext ctx) {
            ChannelHandler vertx = ctx.pipeline().get("handler");
            if (vertx == null) {
                return false;
            }
            // an HTTP/2 connection has no request heads of its own to reject
            if (vertx instanceof VertxHandler<?> handler && handler.getConnection() instanceof HttpServerConnection http) {
                http.invalidRequestHandler(TransportProblems::answerInvalidRequest);
            }
            if (ctx.pipeline().context(this) != null) {
                ctx.pipeline().remove(this);
            }
            return true;
        }
    }
}

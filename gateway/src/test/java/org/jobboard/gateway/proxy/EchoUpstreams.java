package org.jobboard.gateway.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers with what it received (method,
 * path, headers, body size and SHA-256), so tests see exactly what the gateway forwarded. {@code /v1/search/slow}
 * stays silent once it has read the request, until the tests are over; {@code /v1/search/status/NNN} answers with status NNN, {@code /v1/search/busy} 503 with Retry-After. The applications
 * upstream points at a closed port (a service that is down); the postings upstream lists a closed port first (an
 * instance that refuses connections) and then this server.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;
    private HttpServer applications;
    private int applicationsPort;
    private volatile boolean applicationsFailing;
    /** Released when the tests are over: what the silent endpoint waits for. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger applicationsHits = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.createContext("/", this::echo);
            server.createContext("/__control/applications/", this::control);
            server.start();
            applicationsPort = closedPort();
            startApplications();
            int closed = closedPort();
            String live = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of(
                    "jobboard.gateway.upstreams.postings", "http://127.0.0.1:" + closed + "," + live,
                    "jobboard.gateway.upstreams.search", live,
                    "jobboard.gateway.upstreams.applications", "http://127.0.0.1:" + applicationsPort,
                    "jobboard.gateway.timeouts.search", "1s",
                    "jobboard.gateway.client-idle-timeout", "1s",
                    "jobboard.gateway.public-url", "https://api.jobboard.example",
                    "jobboard.gateway.breaker.failure-threshold", "3",
                    "jobboard.gateway.breaker.open-duration", "1s",
                    "echo.url", live);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The applications upstream can be made to fail (503), go down (closed port) and come back, over HTTP. */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String action = exchange.getRequestURI().getPath().substring("/__control/applications/".length());
            switch (action) {
                case "failing" -> applicationsFailing = true;
                case "healthy" -> applicationsFailing = false;
                case "down" -> applications.stop(0);
                case "up" -> startApplications();
                default -> { }
            }
            byte[] body = Integer.toString(applicationsHits.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void startApplications() throws IOException {
        applications = HttpServer.create(new InetSocketAddress("127.0.0.1", applicationsPort), 50);
        applications.createContext("/", exchange -> {
            try (exchange) {
                // only proxied calls count: the gateway's own OpenAPI refresh (/q/openapi) comes at any time
                if (!exchange.getRequestURI().getPath().startsWith("/q/")) {
                    applicationsHits.incrementAndGet();
                }
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(applicationsFailing ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        applications.start();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] buffer = new byte[65536];
                int read;
                while ((read = body.read(buffer)) > 0) {
                    sha.update(buffer, 0, read);
                    size += read;
                }
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/search/slow")) {
                // silent once it has the whole request (bounded only so that a broken test cannot hang a thread)
                stopping.await(60, TimeUnit.SECONDS);
            }
            String headers = exchange.getRequestHeaders().entrySet().stream()
                    .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                    .collect(Collectors.joining(","));
            String json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                    + "\",\"size\":" + size + ",\"sha256\":\"" + HexFormat.of().formatHex(sha.digest())
                    + "\",\"headers\":{" + headers + "}}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Connection", "keep-alive");
            exchange.getResponseHeaders().add("X-Upstream", "echo");
            int status = path.startsWith("/v1/search/status/") ? Integer.parseInt(path.substring(18)) : 200;
            if (path.equals("/v1/search/busy")) {
                // a service shedding load on purpose, as applications-service does beyond its uploads in flight
                exchange.getResponseHeaders().add("Retry-After", "5");
                status = 503;
            }
            if (exchange.getRequestURI().getPath().equals("/v1/postings/created")) {
                // links built from the Host header the service was called with, as JAX-RS UriInfo builds them
                String self = "http://" + exchange.getRequestHeaders().getFirst("Host");
                exchange.getResponseHeaders().add("Location", self + "/v1/postings/abc");
                exchange.getResponseHeaders().add("Link", "<" + self + "/v1/postings?cursor=x>; rel=\"next\"");
                status = 201;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException | java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (server != null) {
            server.stop(0);
        }
        if (applications != null) {
            applications.stop(0);
        }
    }
}

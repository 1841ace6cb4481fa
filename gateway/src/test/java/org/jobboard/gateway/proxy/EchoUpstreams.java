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
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server standing in for the services behind the gateway: it answers with what it received (method,
 * path, headers, body size and SHA-256), so tests see exactly what the gateway forwarded. {@code /v1/search/slow}
 * answers after 5 s. The applications upstream points at a closed port (a service that is down); the postings
 * upstream lists a closed port first (an instance that refuses connections) and then this server.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", EchoUpstreams::echo);
            server.start();
            int closed = closedPort();
            String live = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of(
                    "jobboard.gateway.upstreams.postings", "http://127.0.0.1:" + closed + "," + live,
                    "jobboard.gateway.upstreams.search", live,
                    "jobboard.gateway.upstreams.applications", "http://127.0.0.1:" + closed,
                    "jobboard.gateway.timeouts.search", "1s");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/v1/search/slow")) {
                Thread.sleep(5000);
            }
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
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException | java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

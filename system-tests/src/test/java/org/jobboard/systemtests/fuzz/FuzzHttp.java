package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sends fuzz requests and fetches the tokens of every role from Keycloak (renewed before their 5 minutes end). */
final class FuzzHttp {
    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** No answer within the timeout, or the connection was closed without one. */
    static final int NO_RESPONSE = 0;

    private record Token(String value, long fetchedAt) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Requests sent again on a new connection after the pooled one failed. */
    final java.util.concurrent.atomic.AtomicInteger reconnects = new java.util.concurrent.atomic.AtomicInteger();

    FuzzHttp(String keycloak) {
        this.keycloak = keycloak;
    }

    Response send(String method, String url, List<String[]> headers, byte[] body, Duration timeout) {
        return send(method, url, "", headers, body, timeout);
    }

    /**
     * base + target; when java.net.http refuses the request (a target that is not a valid URI, a header value with
     * a control character, a restricted header), it goes over a plain socket as it is.
     */
    Response send(String method, String base, String target, List<String[]> headers, byte[] body, Duration timeout) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] header : headers) {
                builder.header(header[0], header[1]);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return RawHttp.send(method, base, target.isEmpty() ? URI.create(base).getRawPath() : target, headers, body, timeout);
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().map());
        } catch (HttpTimeoutException e) {
            return new Response(NO_RESPONSE, null, "no response within " + timeout.toSeconds() + " s", Map.of());
        } catch (IOException e) {
            // mostly a pooled keep-alive connection that the server closed as it was reused: once more on a new
            // connection tells that apart from a request the server cannot answer
            reconnects.incrementAndGet();
            return RawHttp.send(method, base, target.isEmpty() ? URI.create(base).getRawPath() : target, headers, body, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(NO_RESPONSE, null, "interrupted", Map.of());
        }
    }

    /** A header line's bytes as java.net.http sends them (ISO-8859-1), or UTF-8 when that cannot hold it. */
    static byte[] headerBytes(String line) {
        boolean latin1 = line.chars().allMatch(c -> c < 0x100);
        return line.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The Authorization header value of a role, or null for anonymous. */
    String authorization(String role) {
        switch (role) {
            case "anonymous":
                return null;
            case "invalid-token":
                return "Bearer not.a.token";
            case "empty-bearer":
                return "Bearer ";
            case "basic":
                return "Basic YWxpY2U6YWxpY2U=";
            case "unsigned-jwt":
                // {"alg":"none"}.{"sub":"x","realm_access":{"roles":["admin"]}}.
                return "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwicmVhbG1fYWNjZXNzIjp7InJvbGVzIjpbImFkbWluIl19fQ.";
            default:
                return "Bearer " + token(role);
        }
    }

    /**
     * One password grant at a time: several threads logging the same user in at once trip Keycloak's brute-force
     * detection ("user temporarily disabled"), seen once in a CI run.
     */
    synchronized String token(String role) {
        Token token = tokens.get(role);
        // access tokens live 5 minutes in the dev realm
        if (token == null || System.nanoTime() - token.fetchedAt() > Duration.ofMinutes(3).toNanos()) {
            token = new Token(fetchToken(role), System.nanoTime());
            tokens.put(role, token);
        }
        return token.value();
    }

    private String fetchToken(String role) {
        String form = role.equals("aggregator")
                ? "grant_type=client_credentials&client_id=aggregator-demo&client_secret=aggregator-demo-secret"
                : "grant_type=password&client_id=jobboard-web&username=" + URLEncoder.encode(role, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(role, StandardCharsets.UTF_8);
        Response response = send("POST", keycloak + "/realms/jobboard/protocol/openid-connect/token",
                List.<String[]>of(new String[] { "Content-Type", "application/x-www-form-urlencoded" }),
                form.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        try {
            if (response.status() != 200) {
                throw new IllegalStateException("no token for " + role + ": " + response.status() + " " + response.body());
            }
            return MAPPER.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + role, e);
        }
    }
}

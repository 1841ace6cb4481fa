package org.jobboard.tools.bench;

import org.jobboard.platform.testing.KeepAliveHttp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of a measured loop, sent with platform-testing's {@link KeepAliveHttp} (one kept-alive
 * connection per client thread; the JDK client's thread hand-overs took a fifth of the machine).
 */
record Call(String method, String baseUrl, String pathAndQuery, Map<String, String> headers, byte[] body) {
    static Call get(String url) {
        URI uri = URI.create(url);
        return new Call("GET", uri.getScheme() + "://" + uri.getRawAuthority(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), Map.of(), null);
    }

    static Call post(String baseUrl, String path, Map<String, String> headers, byte[] body) {
        return new Call("POST", baseUrl, path, headers, body);
    }

    static Call postJson(String baseUrl, String path, String token, String json) {
        return post(baseUrl, path, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }
}

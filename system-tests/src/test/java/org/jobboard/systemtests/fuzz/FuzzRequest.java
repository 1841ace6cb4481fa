package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated request, before it is sent: mutable while the mutations shape it. Path and query values are held
 * already percent-encoded, so that a mutation can send an encoding the client would never produce.
 */
final class FuzzRequest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final int index;
    final FuzzSpec.Operation operation;
    String target;
    String role;
    String method;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    /** Appended to the path as it is (a trailing slash, an extra segment). */
    String pathSuffix = "";
    final List<String[]> query = new ArrayList<>();
    final List<String[]> headers = new ArrayList<>();
    /** A JSON body, serialized at send time; raw replaces placeholders in it by text Jackson would not write. */
    JsonNode json;
    final Map<String, String> raw = new LinkedHashMap<>();
    /** A body given as bytes (multipart, malformed JSON); wins over json. */
    byte[] bytes;
    final List<String> mutations = new ArrayList<>();

    FuzzRequest(int index, FuzzSpec.Operation operation) {
        this.index = index;
        this.operation = operation;
        this.method = operation.method();
    }

    String path() {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path + pathSuffix;
    }

    /** The path of the resource whose ETag an If-Match names: the path up to its id. */
    String resourcePath() {
        String path = path();
        String[] segments = path.split("/");
        return segments.length > 3 ? String.join("/", segments[0], segments[1], segments[2], segments[3]) : path;
    }

    String pathAndQuery() {
        StringBuilder target = new StringBuilder(path());
        char separator = '?';
        for (String[] parameter : query) {
            target.append(separator).append(parameter[0]);
            if (parameter[1] != null) {
                target.append('=').append(parameter[1]);
            }
            separator = '&';
        }
        return target.toString();
    }

    void queryParameter(String name, String value) {
        query.add(new String[] { name, value == null ? null : encode(value) });
    }

    void header(String name, String value) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
        headers.add(new String[] { name, value });
    }

    void addHeader(String name, String value) {
        headers.add(new String[] { name, value });
    }

    String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    void removeHeader(String name) {
        headers.removeIf(header -> header[0].equalsIgnoreCase(name));
    }

    byte[] body() {
        if (bytes != null) {
            return bytes;
        }
        if (json == null) {
            return null;
        }
        try {
            String text = MAPPER.writeValueAsString(json);
            for (Map.Entry<String, String> replacement : raw.entrySet()) {
                text = text.replace("\"" + replacement.getKey() + "\"", replacement.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        return mutations.isEmpty() ? "valid" : String.join(" + ", mutations);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.jobboard.applications.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client library sends: malformed multipart bodies,
 * bodies written slowly, or not at all. Each exchange uses its own connection ({@code Connection: close}).
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** A connection to the service under test; reads fail after {@code readTimeoutMillis} without a byte. */
    public static RawHttp connect(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    /** The request line and headers of a POST with this body length ({@code -1}: no Content-Length header). */
    public static String postHead(String path, String token, String contentType, long contentLength) {
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    /** Sends one whole request and reads the whole answer. */
    public static Answer exchange(String path, String token, String contentType, byte[] body) throws IOException {
        try (RawHttp http = connect(15_000)) {
            http.write(postHead(path, token, contentType, body.length).getBytes(StandardCharsets.US_ASCII));
            http.write(body);
            return http.readAnswer();
        }
    }

    /** A GET that must be answered within {@code timeoutMillis} (a read times out otherwise, failing the caller). */
    public static Answer get(String path, String token, int timeoutMillis) throws IOException {
        try (RawHttp http = connect(timeoutMillis)) {
            http.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return http.readAnswer();
        }
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        out.flush();
    }

    /** One chunk of a chunked body: the first {@code length} bytes of {@code bytes}. */
    public void writeChunk(byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The last chunk of a chunked body. */
    public void endChunks() throws IOException {
        write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the answer until the server closes the connection (every request here says Connection: close). */
    public Answer readAnswer() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the server may reset a connection whose body it did not read, after its answer arrived
            if (all.size() == 0) {
                throw e;
            }
        }
        return Answer.parse(all.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Status, headers (lower-case names) and body of one answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || split < 0) {
                throw new AssertionError("not an HTTP answer: " + raw);
            }
            String[] lines = raw.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(split + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}

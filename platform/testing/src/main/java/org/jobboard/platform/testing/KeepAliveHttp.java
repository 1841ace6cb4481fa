package org.jobboard.platform.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 client for load generators (the benchmarks of the tools module): one kept-alive
 * connection per generator thread, the request written in one go and the response read on that thread. The JDK client
 * hands every exchange between its selector and executor threads; on a 2-core machine that the measured services
 * share, each hand-over waits for a core: it showed up in search's percentiles and took a fifth of the machine in the
 * applications benchmark. A benchmark client should cost the machine as little as it can (like wrk).
 */
public final class KeepAliveHttp implements AutoCloseable {
    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    public KeepAliveHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** GETs {@code pathAndQuery} (JSON), reads the whole body and returns the status. */
    public int get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery, Map.of("Accept", "application/json"), null);
    }

    /**
     * Sends a request ({@code body} null for none), reads the whole response and returns its status. When a kept-alive
     * connection turns out to have been closed by the server while idle (the request could not be written, or the
     * connection ended before any byte of an answer), the request is sent once more on a new one; a request the server
     * may have received and is slow to answer (a read timeout) is never sent twice.
     */
    public int send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
        Connection connection = connections.get();
        if (connection != null) {
            try {
                return connection.send(method, pathAndQuery, headers, body);
            } catch (StaleConnection e) {
                close(connection); // closed by the server while idle: one fresh attempt below
            } catch (IOException e) {
                close(connection);
                throw e;
            }
        }
        connection = new Connection(host, port);
        connections.set(connection);
        all.add(connection);
        try {
            return connection.send(method, pathAndQuery, headers, body);
        } catch (IOException e) {
            close(connection);
            throw e;
        }
    }

    private void close(Connection connection) {
        connections.remove();
        all.remove(connection);
        try {
            connection.socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        all.clear();
    }

    /** The connection was gone before the request reached the server. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super("the kept-alive connection was closed by the server", cause);
        }
    }

    private final class Connection {
        final Socket socket;
        final InputStream input;
        final OutputStream output;
        final byte[] skip = new byte[16 * 1024];

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            input = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            output = socket.getOutputStream();
        }

        int send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = body == null ? headBytes : Arrays.copyOf(headBytes, headBytes.length + body.length);
            if (body != null) {
                System.arraycopy(body, 0, request, headBytes.length, body.length);
            }
            try {
                output.write(request); // one write: headers and body in the same packets
                output.flush();
                input.mark(1);
                if (input.read() < 0) {
                    throw new StaleConnection(null);
                }
                input.reset();
            } catch (java.net.SocketException e) {
                throw new StaleConnection(e);
            }
            String status = line(input);
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("unexpected status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(input); !header.isEmpty(); header = line(input)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(input).split(";")[0].strip(), 16); size > 0;
                        size = Long.parseLong(line(input).split(";")[0].strip(), 16)) {
                    discard(input, size);
                    line(input); // the CRLF after each chunk
                }
                for (String trailer = line(input); !trailer.isEmpty(); trailer = line(input)) {
                    // trailers are not used
                }
            } else if (length >= 0) {
                discard(input, length);
            } else {
                close = true; // a body delimited by the end of the connection
                while (input.read(skip) >= 0) {
                    // read to the end
                }
            }
            if (close) {
                KeepAliveHttp.this.close(this);
            }
            return code;
        }

        private void discard(InputStream input, long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                int read = input.read(skip, 0, (int) Math.min(skip.length, left));
                if (read < 0) {
                    throw new EOFException("the response ended early");
                }
                left -= read;
            }
        }

        private static String line(InputStream input) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            for (int c = input.read(); c != '\n'; c = input.read()) {
                if (c < 0) {
                    throw new EOFException("the connection closed");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}

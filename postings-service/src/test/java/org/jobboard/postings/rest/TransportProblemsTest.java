package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Errors answered below the application (Vert.x' request decoder, Quarkus' body limit) are problem+json too
 * (TransportProblems in the platform). Each request is the first on a new connection, written on a raw socket: a
 * well-behaved client could not send most of them.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class TransportProblemsTest {
    @TestHTTPResource("/")
    URL server;

    @Test
    void requestLineTooLongIs414() throws IOException {
        assertProblem(414, "GET /v1/postings?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    @Test
    void headersTooLargeAre431() throws IOException {
        assertProblem(431, "GET /v1/postings HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(40_000) + "\r\n\r\n");
    }

    @Test
    void malformedRequestsAre400() throws IOException {
        assertProblem(400, "GET /v1/postings HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n");
        assertProblem(400, "GET /v1/postings HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n");
    }

    @Test
    void laterRequestsOnAKeptAliveConnectionToo() throws IOException {
        // the first request makes Vert.x' connection; the second reaches it (not this platform's first-request path)
        String both = exchangeAll("GET /v1/postings/no-such-posting HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /v1/postings?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(both.startsWith("HTTP/1.1 404"), both);
        int second = both.indexOf("HTTP/1.", 12);
        assertTrue(second > 0, both);
        Answer answer = parse(both.substring(second));
        assertEquals(414, answer.status, answer.head);
        assertTrue(answer.head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer.head);
        assertEquals(414, JsonPath.from(answer.body).getInt("status"), answer.body);
    }

    @Test
    void declaredBodyOverTheLimitIs413() throws IOException {
        assertProblem(413, "POST /v1/postings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50000000\r\n\r\n");
    }

    @Test
    void aContentTypeThatIsEmptySentTwiceOrNotAMediaTypeIs400NamingIt() throws IOException {
        String post = "POST /v1/postings HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n";
        for (String contentType : new String[] {"Content-Type: \r\n", "Content-Type: json\r\n",
                "Content-Type: application/json\r\nContent-Type: text/plain\r\n",
                "Content-Type: multipart/form-data; boundary\r\n"}) {
            Answer answer = assertProblem(400, post + contentType + "\r\n{}");
            assertEquals("Content-Type", JsonPath.from(answer.body).getString("errors[0].field"), answer.body);
        }
    }

    @Test
    void aTargetThatIsNotAUriIs400NamingPathOrQuery() throws IOException {
        Answer path = assertProblem(400, "GET /v1/postings/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("path", JsonPath.from(path.body).getString("errors[0].field"), path.body);
        Answer query = assertProblem(400, "GET /v1/postings?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("query", JsonPath.from(query.body).getString("errors[0].field"), query.body);
    }

    private Answer assertProblem(int status, String request) throws IOException {
        Answer answer = exchange(request);
        assertEquals(status, answer.status, answer.head);
        assertTrue(answer.head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer.head);
        JsonPath body = JsonPath.from(answer.body);
        assertEquals(status, body.getInt("status"), answer.body);
        assertTrue(body.getString("type").startsWith("urn:jobboard:problem:"), answer.body);
        assertTrue(!body.getString("title").isBlank() && !body.getString("detail").isBlank(), answer.body);
        return answer;
    }

    /** Writes the request on a new connection and reads until the server closes it (it does after these errors). */
    private Answer exchange(String request) throws IOException {
        return parse(exchangeAll(request));
    }

    private static Answer parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        assertTrue(split > 0, "no complete answer: " + text);
        return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, split), text.substring(split + 4));
    }

    private String exchangeAll(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    all.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // the server may reset the connection while unread request bytes are pending; the answer came first
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String head, String body) {
    }
}

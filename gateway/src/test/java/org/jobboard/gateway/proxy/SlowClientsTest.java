package org.jobboard.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads over slow networks time out on no progress, not on total duration (EchoUpstreams: search timeout 1 s, client
 * idle timeout 1 s), and an oversized body is cut off rather than read to its end. These are real socket timeouts
 * (Vert.x timers on the connection), so the slow client here is really slow: it paces its writes.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class SlowClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @Inject
    Upstreams upstreams;

    @Test
    void aThrottledUploadLongerThanTheUpstreamTimeoutGoesThrough() throws Exception {
        byte[] body = new byte[600_000];
        new Random(11).nextBytes(body);
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            raw.head("POST", "/v1/search/upload", bearer(), "Content-Type: application/octet-stream",
                    "Content-Length: " + body.length);
            // 6 KB every 30 ms: about 200 KB/s, three times the upstream's 1 s timeout in all
            for (int offset = 0; offset < body.length; offset += 6_000) {
                raw.write(java.util.Arrays.copyOfRange(body, offset, offset + 6_000));
                Thread.sleep(30); // a client on a slow network; the timeouts it must not trip are real ones
            }
            RawHttp.Response response = raw.read();
            assertEquals(200, response.status(), response.body());
            JsonNode echoed = JSON.readTree(response.body());
            assertEquals(body.length, echoed.get("size").asInt());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)),
                    echoed.get("sha256").asText());
        }
    }

    @Test
    void aClientThatStopsSendingGets408AndTheConnectionIsClosed() throws Exception {
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            RawHttp.Response response = raw.head("POST", "/v1/search/upload", bearer(), "Content-Length: 50000")
                    .write(new byte[20_000]).read();
            assertEquals(408, response.status());
            assertEquals("application/problem+json", response.header("Content-Type"));
            assertEquals(408, JSON.readTree(response.body()).get("status").asInt());
            assertEquals("close", response.header("Connection"));
            assertTrue(raw.closedByPeerWithin(2_000));
        }
        assertEquals(CircuitBreaker.State.CLOSED, upstreams.get("search").instances().get(0).breaker().state());
    }

    @Test
    void aDeclaredHundredMegabyteBodyIsRefusedAndCutOff() throws Exception {
        // beyond the gateway's own limit (1 MB here) but within Vert.x's, which refuses 100 MB before any route runs
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            raw.head("POST", "/v1/postings", bearer(), "Content-Type: application/json", "Content-Length: 8000000");
            RawHttp.Response response = assertCutOff(raw, new byte[64 * 1024]);
            assertEquals("application/problem+json", response.header("Content-Type"));
        }
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            raw.head("POST", "/v1/postings", bearer(), "Content-Type: application/json", "Content-Length: " + HUNDRED_MB);
            assertCutOff(raw, new byte[64 * 1024]);
        }
    }

    @Test
    void aStreamedHundredMegabyteBodyIsRefusedAndCutOff() throws Exception {
        byte[] chunk = chunk();
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            raw.head("POST", "/v1/postings", bearer(), "Content-Type: application/json", "Transfer-Encoding: chunked");
            RawHttp.Response response = assertCutOff(raw, chunk);
            assertEquals("application/problem+json", response.header("Content-Type"));
        }
    }

    @Test
    void theBodyOfARefusedRequestIsNotReadToItsEnd() throws Exception {
        try (RawHttp raw = new RawHttp(RestAssured.port)) {
            // anonymous: 401 before anything is forwarded
            raw.head("POST", "/v1/postings", "Content-Type: application/json", "Transfer-Encoding: chunked");
            RawHttp.Response response = assertCutOff(raw, chunk(), 401);
            assertEquals("application/problem+json", response.header("Content-Type"));
        }
    }

    private static byte[] chunk() {
        byte[] chunk = new byte[7 + 64 * 1024 + 2]; // "10000\r\n", 64 KB, "\r\n"
        byte[] size = "10000\r\n".getBytes();
        System.arraycopy(size, 0, chunk, 0, size.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private static RawHttp.Response assertCutOff(RawHttp raw, byte[] piece) throws Exception {
        RawHttp.Response response = assertCutOff(raw, piece, 413);
        assertEquals("close", response.header("Connection"));
        return response;
    }

    /** Sends {@code piece} up to 100 MB while reading: the status, and the gateway closes after far less. */
    private static RawHttp.Response assertCutOff(RawHttp raw, byte[] piece, int status) throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                while (written.get() < HUNDRED_MB) {
                    raw.write(piece);
                    written.addAndGet(piece.length);
                }
            } catch (IOException closedByTheGateway) {
                // expected
            }
        });
        RawHttp.Response response = raw.read();
        assertEquals(status, response.status());
        assertTrue(raw.closedByPeerWithin(5_000), "the connection stays open");
        writer.get(10, TimeUnit.SECONDS);
        assertTrue(written.get() < HUNDRED_MB / 4, "the gateway read " + written.get() + " bytes of it");
        return response;
    }

    private static String bearer() {
        return "Authorization: Bearer " + TestTokens.recruiter("rita", "org-1");
    }
}

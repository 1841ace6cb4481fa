package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared mode: buckets live in Redis (the server these machines run on 127.0.0.1:6379), so every gateway
 * replica draws from the same bucket. A second "replica" is simulated by writing the bucket as another would.
 */
@QuarkusTest
@TestProfile(RedisRateLimitTest.RedisMode.class)
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class RedisRateLimitTest {
    public static class RedisMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobboard.gateway.rate-limit.mode", "redis",
                    "jobboard.gateway.rate-limit.redis-url", "redis://127.0.0.1:6379",
                    "jobboard.gateway.rate-limit.limits.candidate", "4/1m");
        }
    }

    @Test
    void bucketsAreSharedThroughRedis() throws Exception {
        String subject = "redis-" + UUID.randomUUID();
        String token = TestTokens.candidate(subject);
        given().auth().oauth2(token).get("/v1/me/applications").then().header("RateLimit-Remaining", "3");
        String key = "jobboard:rl:candidate:sub:" + subject;
        assertEquals("1", redis("EXISTS", key).strip().substring(1));
        // another replica spent the rest of this caller's tokens
        redis("HSET", key, "tokens", "0");
        given().auth().oauth2(token).get("/v1/me/applications").then().statusCode(429);
    }

    /** A minimal RESP client: enough to inspect and change one key. */
    private static String redis(String... args) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                reply.append((char) c);
            }
            return reply.toString();
        }
    }
}

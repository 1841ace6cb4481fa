package org.jobboard.systemtests.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzzer's own logic, without a stack: what counts as a failure, reproducible runs, runnable curl lines. */
class FuzzerSelfTest {
    private static final String SPEC = """
            {"openapi":"3.1.0","paths":{"/v1/organizations":{"post":{"operationId":"create",
              "parameters":[{"$ref":"#/components/parameters/Idempotency-Key"}],
              "requestBody":{"required":true,"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Org"}}}}}}},
             "components":{"parameters":{"Idempotency-Key":{"name":"Idempotency-Key","in":"header","schema":{"type":"string"}}},
              "schemas":{"Org":{"type":"object","required":["name"],"properties":{"name":{"type":"string","maxLength":200},
               "website":{"type":"string","format":"uri"},"headquarters":{"type":"object","required":["country"],
               "properties":{"country":{"type":"string","pattern":"^[A-Z]{2}$"},"latitude":{"type":["number","null"]}}}}}}}}
            """;

    @Test
    void failuresAre5xxErrorsWithoutProblemJsonLeaksAndSilence() {
        FuzzRequest request = new FuzzRequest(0, spec().operations.get(0));
        assertEquals("5xx", FuzzReport.failureKind(request, response(502, "application/problem+json", "{}")));
        assertEquals("error without problem+json", FuzzReport.failureKind(request, response(414, null, "")));
        assertEquals("error without problem+json", FuzzReport.failureKind(request, response(400, "text/html", "<p>bad</p>")));
        assertEquals("stack trace or SQL in the body", FuzzReport.failureKind(request,
                response(400, "application/problem+json", "{\"detail\":\"ERROR: invalid byte sequence for encoding\"}")));
        assertEquals("stack trace or SQL in the body", FuzzReport.failureKind(request,
                response(200, "application/json", "{\"x\":\"\\tat org.jobboard.Foo.bar(Foo.java:12)\"}")));
        assertEquals("no response", FuzzReport.failureKind(request, response(FuzzHttp.NO_RESPONSE, null, "closed")));
        assertNull(FuzzReport.failureKind(request, response(404, "application/problem+json; charset=UTF-8", "{}")));
        assertNull(FuzzReport.failureKind(request, response(201, "application/json", "{\"title\":\"Exceptional engineer\"}")));
    }

    @Test
    void theSameSeedGeneratesTheSameRequestsAndAnotherSeedOthers() {
        FuzzSpec spec = spec();
        FuzzGenerator first = new FuzzGenerator(spec, new FuzzFixtures(null, "http://gateway"), 42, 30);
        FuzzGenerator again = new FuzzGenerator(spec, new FuzzFixtures(null, "http://gateway"), 42, 30);
        FuzzGenerator other = new FuzzGenerator(spec, new FuzzFixtures(null, "http://gateway"), 43, 30);
        StringBuilder differences = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            FuzzRequest a = first.generate(i);
            FuzzRequest b = again.generate(i);
            assertEquals(a.describe() + a.pathAndQuery() + a.role + a.target + a.method,
                    b.describe() + b.pathAndQuery() + b.role + b.target + b.method);
            assertArrayEquals(bodyOf(a), bodyOf(b));
            FuzzRequest c = other.generate(i);
            differences.append(a.describe().equals(c.describe()) ? "" : "x");
        }
        assertNotEquals(0, differences.length(), "another seed, other mutations");
    }

    @Test
    void curlLinesRebuildHugeValuesAndControlCharacters() throws Exception {
        String value = "x=" + "q".repeat(5000) + "\u0001'end";
        String word = FuzzReport.shellWord(value);
        assertTrue(word.length() < 200, word);
        Process bash = new ProcessBuilder("bash", "-c", "printf %s " + word).start();
        assertEquals(value, new String(bash.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(0, bash.waitFor());
    }

    private static byte[] bodyOf(FuzzRequest request) {
        byte[] body = request.body();
        return body == null ? new byte[0] : body;
    }

    private static FuzzHttp.Response response(int status, String type, String body) {
        return new FuzzHttp.Response(status, type, body, Map.of());
    }

    private static FuzzSpec spec() {
        try {
            return FuzzSpec.parse(SPEC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

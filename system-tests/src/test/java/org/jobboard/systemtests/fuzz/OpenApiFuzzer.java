package org.jobboard.systemtests.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenAPI-driven fuzzing of every operation of the merged document the gateway serves, through the gateway and
 * directly at the services, with the tokens of every role. Fails on any 5xx, any error that is not problem+json,
 * any stack trace or SQL in a body, any request left without an answer.
 *
 * <p>Not part of the plain end-to-end run (its name does not end in Test): {@code ./dev fuzz} runs it with the
 * gateway's rate limits raised, and {@code ./dev test} runs a short pass the same way. Parameters (system
 * properties): {@code fuzz.requests} (1200), {@code fuzz.seed} (random, printed), {@code fuzz.threads} (4),
 * {@code fuzz.directPercent} (30: the share sent straight to the services), {@code fuzz.examples} (25 distinct
 * failures printed), {@code fuzz.only} (comma-separated request numbers: resend only those, with the seed that
 * produced them), {@code fuzz.dump} (print each request sent), {@code fuzz.report} (a file to write the table and
 * the failures to).
 */
class OpenApiFuzzer {
    private static final String GATEWAY = env("GATEWAY_URL", "http://127.0.0.1:8080");
    private static final String KEYCLOAK = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
    private static final String POSTINGS = env("POSTINGS_URL", "http://127.0.0.1:8081");
    private static final String SEARCH = env("SEARCH_URL", "http://127.0.0.1:8082");
    private static final String APPLICATIONS = env("APPLICATIONS_URL", "http://127.0.0.1:8083");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyOperationAnswersBadInputWithAProblemNeverWithA5xx() throws Exception {
        long seed = Long.getLong("fuzz.seed", new java.security.SecureRandom().nextLong() & 0xffff_ffffL);
        int requests = Integer.getInteger("fuzz.requests", 1200);
        int threads = Integer.getInteger("fuzz.threads", 4);
        int examples = Integer.getInteger("fuzz.examples", 25);
        boolean dump = Boolean.getBoolean("fuzz.dump");
        List<Integer> only = only();
        System.out.printf("fuzz: seed %d, %d requests, %d threads (rerun: ./dev fuzz --seed %d --requests %d)%n",
                seed, only.isEmpty() ? requests : only.size(), threads, seed, requests);

        FuzzHttp http = new FuzzHttp(KEYCLOAK);
        FuzzSpec spec = FuzzSpec.parse(mergedDocument(http));
        FuzzFixtures fixtures = new FuzzFixtures(http, GATEWAY);
        fixtures.create();
        FuzzGenerator generator = new FuzzGenerator(spec, fixtures, seed, Integer.getInteger("fuzz.directPercent", 30));
        FuzzReport report = new FuzzReport();

        List<Integer> indexes = new ArrayList<>(only);
        if (indexes.isEmpty()) {
            for (int i = 0; i < requests; i++) {
                indexes.add(i);
            }
        }
        AtomicInteger next = new AtomicInteger();
        Instant start = Instant.now();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < indexes.size(); i = next.getAndIncrement()) {
                    FuzzRequest request;
                    FuzzHttp.Response response;
                    try {
                        request = generator.generate(indexes.get(i));
                        response = send(http, request);
                    } catch (RuntimeException e) {
                        // the fuzzer's own fault, not the service's: shown, and the run fails on the count of requests
                        System.err.printf("fuzz: request #%d was not sent: %s%n", indexes.get(i), e);
                        e.printStackTrace();
                        continue;
                    }
                    String url = base(request) + request.pathAndQuery();
                    fixtures.observe(request, response);
                    report.record(request, url, response);
                    if (dump) {
                        System.out.printf("#%d %s -> %d%n%s%n", request.index, request.describe(), response.status(),
                                FuzzReport.curl(request, url, seed));
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        assertTrue(workers.awaitTermination(2, TimeUnit.HOURS), "the fuzzer did not finish");
        long seconds = Math.max(1, Duration.between(start, Instant.now()).toSeconds());

        System.out.printf("%nfuzz: %d requests in %d s (%d/s), seed %d, %d operations, %d sent again on a new connection%n%n%s%n",
                report.total(), seconds, report.total() / seconds, seed, spec.operations.size(), http.reconnects.get(),
                report.table());
        String failures = report.examples(examples, seed);
        System.out.println(failures);
        String reportFile = System.getProperty("fuzz.report", "");
        if (!reportFile.isBlank()) {
            Files.writeString(Path.of(reportFile), String.format("fuzz: %d requests in %d s, seed %d%n%n%s%n%s",
                    report.total(), seconds, seed, report.table(), failures));
        }
        assertEquals(indexes.size(), report.total(), "requests sent");
        assertEquals(0, report.failures(), "requests that got a 5xx, an error without problem+json, a stack trace or SQL,"
                + " or no answer (seed " + seed + "):\n" + failures);
    }

    private static FuzzHttp.Response send(FuzzHttp http, FuzzRequest request) {
        List<String[]> headers = new ArrayList<>(request.headers);
        String authorization = http.authorization(request.role);
        if (authorization != null) {
            headers.add(0, new String[] { "Authorization", authorization });
        }
        return http.send(request.method, base(request), request.pathAndQuery(), headers, request.body(), TIMEOUT);
    }

    private static String base(FuzzRequest request) {
        if (request.target.equals("gateway")) {
            return GATEWAY;
        }
        String path = request.operation.path();
        if (path.startsWith("/v1/search")) {
            return SEARCH;
        }
        if (path.startsWith("/v1/applications") || path.startsWith("/v1/me")) {
            return APPLICATIONS;
        }
        return POSTINGS;
    }

    /** The gateway merges the services' documents once they answer; waits (bounded) until all three are in. */
    private static String mergedDocument(FuzzHttp http) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            FuzzHttp.Response response = http.send("GET", GATEWAY + "/q/openapi?format=json",
                    List.<String[]>of(new String[] { "Accept", "application/json" }), null, TIMEOUT);
            String body = response.body();
            if (response.status() == 200 && body.contains("\"/v1/search") && body.contains("\"/v1/me")
                    && body.contains("\"/v1/postings\"")) {
                return body;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no complete merged OpenAPI document at " + GATEWAY + "/q/openapi: "
                        + response.status());
            }
            Thread.sleep(500);
        }
    }

    private static List<Integer> only() {
        String only = System.getProperty("fuzz.only", "");
        return only.isBlank() ? List.of() : Arrays.stream(only.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

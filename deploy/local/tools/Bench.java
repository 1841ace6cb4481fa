import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small closed-loop load generator for ./dev bench: N clients, each sending its next request when the previous
 * answered, for a fixed time after a warm-up; prints throughput and latency percentiles.
 *
 * gateway  GATEWAY POSTINGS SEARCH KEYCLOAK CONCURRENCY SECONDS : the same GETs direct and through the gateway
 * postings GATEWAY KEYCLOAK CONCURRENCY SECONDS                  : create + publish postings through the gateway
 */
public class Bench {
    /** Shared by warm-up and measured loops, so generated keys (requisition ids) never repeat within a run. */
    static final AtomicInteger sequence = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }

        void print() {
            System.out.printf(Locale.ROOT, "  %-34s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d%n",
                    name, throughput(), percentileMs(50), percentileMs(99), percentileMs(100), errors);
        }
    }

    /** Runs {@code request(i)} from {@code concurrency} threads for {@code seconds} after a 3 s warm-up. */
    static Result run(String name, int concurrency, int seconds, IntFunction<HttpRequest> request, int expected)
            throws Exception {
        loop(concurrency, 3, request, expected, null);
        List<long[]> samples = new ArrayList<>();
        long started = System.nanoTime();
        long[] counts = loop(concurrency, seconds, request, expected, samples);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Result(name, counts[0], counts[1], elapsed, all);
    }

    static long[] loop(int concurrency, int seconds, IntFunction<HttpRequest> request, int expected,
            List<long[]> samples) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            long[] latencies = new long[2_000_000];
            if (samples != null) {
                synchronized (samples) {
                    samples.add(latencies);
                }
            }
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = HTTP.send(request.apply(sequence.getAndIncrement()),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == expected) {
                                ok.incrementAndGet();
                                if (n < latencies.length) {
                                    latencies[n++] = System.nanoTime() - start;
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        return new long[] { ok.get(), errors.get() };
    }

    static String token(String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=jobboard-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/jobboard/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return m.group(1);
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gateway" -> gateway(args[1], args[2], args[3], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "postings" -> postings(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    static void gateway(String gateway, String postings, String search, int concurrency, int seconds) throws Exception {
        HttpResponse<String> list = HTTP.send(get(gateway + "/v1/postings?limit=1"), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(list.body());
        if (!m.find()) {
            throw new IllegalStateException("no published posting to read: " + list.body());
        }
        String posting = "/v1/postings/" + m.group(1);
        String query = "/v1/search/postings?q=engineer&limit=10";
        System.out.printf("gateway overhead, %d concurrent clients, %d s per run (after a 3 s warm-up)%n", concurrency, seconds);
        Result directPosting = run("GET posting, direct", concurrency, seconds, i -> get(postings + posting), 200);
        Result gatewayPosting = run("GET posting, through the gateway", concurrency, seconds, i -> get(gateway + posting), 200);
        Result directSearch = run("search, direct", concurrency, seconds, i -> get(search + query), 200);
        Result gatewaySearch = run("search, through the gateway", concurrency, seconds, i -> get(gateway + query), 200);
        for (Result r : List.of(directPosting, gatewayPosting, directSearch, gatewaySearch)) {
            r.print();
        }
        compare("GET posting", directPosting, gatewayPosting);
        compare("search", directSearch, gatewaySearch);
    }

    static void compare(String name, Result direct, Result viaGateway) {
        System.out.printf(Locale.ROOT, "  %-12s added latency p50 %+.2f ms, p99 %+.2f ms; throughput %.0f%% of direct%n",
                name, viaGateway.percentileMs(50) - direct.percentileMs(50),
                viaGateway.percentileMs(99) - direct.percentileMs(99), 100 * viaGateway.throughput() / direct.throughput());
    }

    static void postings(String gateway, String keycloak, int concurrency, int seconds) throws Exception {
        String token = token(keycloak, "rita");
        long runId = System.currentTimeMillis();
        IntFunction<HttpRequest> createAndPublish = i -> HttpRequest.newBuilder(URI.create(gateway + "/v1/postings/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"publish\":true,\"items\":[" + posting(runId, i) + "]}"))
                .build();
        IntFunction<HttpRequest> create = i -> HttpRequest.newBuilder(URI.create(gateway + "/v1/postings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(posting(runId + 1, i))).build();
        System.out.printf("postings through the gateway, %d concurrent clients, %d s per run (after a 3 s warm-up)%n",
                concurrency, seconds);
        Result drafts = run("create a draft (POST /v1/postings)", concurrency, seconds, create, 201);
        Result published = run("create + publish (batch of 1)", concurrency, seconds, createAndPublish, 200);
        drafts.print();
        published.print();
    }

    static String posting(long run, int i) {
        return "{\"title\":\"Benchmark Engineer " + i + "\",\"description\":\"Measure **everything**.\",\"requisitionId\":\"B"
                + (run % 100000) + "-" + i + "\",\"employmentTypes\":[\"FULL_TIME\"],\"workplaceType\":\"ON_SITE\","
                + "\"locations\":[{\"country\":\"US\",\"region\":\"TX\",\"city\":\"Austin\"}],"
                + "\"salary\":{\"currency\":\"USD\",\"min\":\"90000\",\"max\":\"120000\",\"period\":\"YEAR\"},"
                + "\"applyMethod\":{\"type\":\"DIRECT\"}}";
    }
}

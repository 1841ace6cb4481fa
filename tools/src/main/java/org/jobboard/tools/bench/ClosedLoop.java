package org.jobboard.tools.bench;

import org.jobboard.platform.testing.KeepAliveHttp;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed-loop load generator the HTTP benchmarks share: N clients, each sending its next request when the previous
 * answered, for a fixed time after a warm-up; throughput and latency percentiles.
 */
final class ClosedLoop {
    /** Shared by warm-up and measured loops, so generated keys (requisition ids) never repeat within a run. */
    static final AtomicInteger sequence = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final int WARM_UP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "20"));

    private ClosedLoop() {
    }

    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos,
            Map<Integer, Long> unexpected) {
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
            System.out.printf(Locale.ROOT, "  %-34s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d%s%n",
                    name, throughput(), percentileMs(50), percentileMs(99), percentileMs(100), errors,
                    unexpected.isEmpty() ? "" : " (status: count " + new TreeMap<>(unexpected) + ")");
        }
    }

    /**
     * Runs {@code request(i)} from {@code concurrency} threads for {@code seconds} after a warm-up (BENCH_WARMUP
     * seconds, 3 by default; the gateway was just restarted, so a longer one measures warmer code).
     */
    static Result run(String name, int concurrency, int seconds, IntFunction<Call> request, int expected)
            throws Exception {
        loop(concurrency, WARM_UP_SECONDS, request, expected, null);
        List<long[]> samples = new ArrayList<>();
        long started = System.nanoTime();
        Map<Integer, Long> unexpected = new ConcurrentHashMap<>();
        long[] counts = loop(concurrency, seconds, request, expected, samples, unexpected);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Result(name, counts[0], counts[1], elapsed, all, Map.copyOf(unexpected));
    }

    static long[] loop(int concurrency, int seconds, IntFunction<Call> request, int expected,
            List<long[]> samples) throws Exception {
        return loop(concurrency, seconds, request, expected, samples, new ConcurrentHashMap<>());
    }

    /** As above; {@code unexpected} counts the responses by status other than {@code expected} (-1: no response). */
    static long[] loop(int concurrency, int seconds, IntFunction<Call> request, int expected,
            List<long[]> samples, Map<Integer, Long> unexpected) throws Exception {
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
                KeepAliveHttp http = null;
                try {
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        try {
                            Call call = request.apply(sequence.getAndIncrement());
                            http = http != null ? http : new KeepAliveHttp(call.baseUrl());
                            int status = http.send(call.method(), call.pathAndQuery(), call.headers(), call.body());
                            if (status == expected) {
                                ok.incrementAndGet();
                                if (n < latencies.length) {
                                    latencies[n++] = System.nanoTime() - start;
                                }
                            } else {
                                errors.incrementAndGet();
                                unexpected.merge(status, 1L, Long::sum);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet(); // a broken connection is reopened by the next request
                            unexpected.merge(-1, 1L, Long::sum);
                        }
                    }
                } finally {
                    if (http != null) {
                        http.close();
                    }
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
}

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

import org.jobboard.platform.testing.KeepAliveHttp;

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

    static final int WARM_UP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "20"));

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

    /**
     * One request of a measured loop, sent with platform-testing's {@link KeepAliveHttp} (one kept-alive
     * connection per client thread; the JDK client's thread hand-overs took a fifth of the machine).
     */
    record Call(String method, String baseUrl, String pathAndQuery, Map<String, String> headers, byte[] body) {
        static Call get(String url) {
            URI uri = URI.create(url);
            return new Call("GET", uri.getScheme() + "://" + uri.getRawAuthority(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), Map.of(), null);
        }

        static Call post(String baseUrl, String path, Map<String, String> headers, byte[] body) {
            return new Call("POST", baseUrl, path, headers, body);
        }

        static Call postJson(String baseUrl, String path, String token, String json) {
            return post(baseUrl, path, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "gateway" -> gateway(args[1], args[2], args[3], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "postings" -> postings(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "applications" -> applications(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
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
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "3"));
        boolean wrk = useWrk();
        System.out.printf("gateway overhead: %d concurrent connections, %d s per run after a %d s warm-up, %d alternating rounds "
                + "(direct, gateway, direct, ...; the median of each is reported); load generator: %s%n", concurrency, seconds,
                WARM_UP_SECONDS, rounds, wrk ? "wrk" : "one kept-alive connection per client (wrk is used when installed)");
        for (String[] target : List.of(new String[] { "GET posting", postings, posting }, new String[] { "search", search, query })) {
            List<Summary> direct = new ArrayList<>();
            List<Summary> proxied = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                direct.add(measureGet(target[0] + ", direct", concurrency, seconds, target[1] + target[2], wrk));
                proxied.add(measureGet(target[0] + ", through the gateway", concurrency, seconds, gateway + target[2], wrk));
            }
            Summary d = Summary.median(direct);
            Summary g = Summary.median(proxied);
            d.print();
            g.print();
            System.out.printf(Locale.ROOT, "  %-12s added latency p50 %+.2f ms, p99 %+.2f ms; throughput %.0f%% of direct%n",
                    target[0], g.p50() - d.p50(), g.p99() - d.p99(), 100 * g.throughput() / d.throughput());
        }
    }

    /** What one load run measured; from our own loop or from wrk. */
    record Summary(String name, double throughput, double p50, double p99, double max, long errors) {
        static Summary of(Result r) {
            return new Summary(r.name(), r.throughput(), r.percentileMs(50), r.percentileMs(99), r.percentileMs(100), r.errors());
        }

        /** The median run of each metric, so one disturbed run does not decide the result. */
        static Summary median(List<Summary> runs) {
            java.util.function.ToDoubleFunction<java.util.function.ToDoubleFunction<Summary>> mid = f -> runs.stream()
                    .mapToDouble(f).sorted().toArray()[runs.size() / 2];
            return new Summary(runs.get(0).name(), mid.applyAsDouble(Summary::throughput), mid.applyAsDouble(Summary::p50),
                    mid.applyAsDouble(Summary::p99), mid.applyAsDouble(Summary::max),
                    runs.stream().mapToLong(Summary::errors).sum());
        }

        void print() {
            System.out.printf(Locale.ROOT, "  %-34s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  errors %d%n",
                    name, throughput, p50, p99, max, errors);
        }
    }

    static boolean useWrk() {
        String choice = System.getenv().getOrDefault("BENCH_LOAD_GENERATOR", "auto");
        if (choice.equals("java")) {
            return false;
        }
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (Exception e) {
            if (choice.equals("wrk")) {
                throw new IllegalStateException("BENCH_LOAD_GENERATOR=wrk but wrk cannot be run", e);
            }
            return false;
        }
    }

    static Summary measureGet(String name, int concurrency, int seconds, String url, boolean wrk) throws Exception {
        if (!wrk) {
            Call call = Call.get(url);
            return Summary.of(run(name, concurrency, seconds, i -> call, 200));
        }
        runWrk(concurrency, WARM_UP_SECONDS, url); // warm-up
        String out = runWrk(concurrency, seconds, url);
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher max = Pattern.compile("Latency\\s+\\S+\\s+\\S+\\s+(\\S+)").matcher(out);
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        Matcher socketErrors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (!rate.find() || !max.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        long errors = (non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
        if (socketErrors.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socketErrors.group(g));
            }
        }
        return new Summary(name, Double.parseDouble(rate.group(1)), wrkPercentile(out, "50%"), wrkPercentile(out, "99%"),
                wrkMillis(max.group(1)), errors);
    }

    static String runWrk(int concurrency, int seconds, String url) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + concurrency, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return out;
    }

    static double wrkPercentile(String out, String percentile) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+(\\S+)", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " in wrk output:\n" + out);
        }
        return wrkMillis(m.group(1));
    }

    /** wrk prints durations as 305.00us, 1.43ms, 2.01s or 1.5m. */
    static double wrkMillis(String value) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected wrk duration " + value);
        }
        double number = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> number * 60_000;
        };
    }

    static void postings(String gateway, String keycloak, int concurrency, int seconds) throws Exception {
        String token = token(keycloak, "rita");
        long runId = System.currentTimeMillis();
        IntFunction<Call> createAndPublish = i -> Call.postJson(gateway, "/v1/postings/batch", token,
                "{\"publish\":true,\"items\":[" + posting(runId, i) + "]}");
        IntFunction<Call> create = i -> Call.postJson(gateway, "/v1/postings", token, posting(runId + 1, i));
        System.out.printf("postings through the gateway, %d concurrent clients, %d s per run (after a %d s warm-up)%n",
                concurrency, seconds, WARM_UP_SECONDS);
        Result drafts = run("create a draft (POST /v1/postings)", concurrency, seconds, create, 201);
        Result published = run("create + publish (batch of 1)", concurrency, seconds, createAndPublish, 200);
        drafts.print();
        published.print();
    }

    /** Candidates alice and bob apply (JSON part + a 100 KB PDF) to freshly published postings, through the gateway. */
    static void applications(String gateway, String keycloak, int concurrency, int seconds) throws Exception {
        String rita = token(keycloak, "rita");
        String[] candidates = { token(keycloak, "alice"), token(keycloak, "bob") };
        long runId = System.currentTimeMillis();
        // one application per candidate and posting: enough postings that no apply repeats, even at 500/s
        int postingsNeeded = Math.max(4000, (WARM_UP_SECONDS + seconds) * 500 / candidates.length);
        List<String> postingIds = new ArrayList<>();
        for (int from = 0; from < postingsNeeded; from += 200) {
            StringBuilder items = new StringBuilder();
            for (int i = from; i < from + 200; i++) {
                items.append(i == from ? "" : ",").append(posting(runId, i));
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/postings/batch"))
                    .header("Authorization", "Bearer " + rita).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"publish\":true,\"items\":[" + items + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher ids = Pattern.compile("\"outcome\":\"CREATED\",\"id\":\"([^\"]+)\"").matcher(response.body());
            while (ids.find()) {
                postingIds.add(ids.group(1));
            }
        }
        // applications-service learns of postings from events: wait until its replica holds the last one
        String last = postingIds.get(postingIds.size() - 1);
        for (int i = 0; ; i++) {
            if (HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/applications?postingId=" + last))
                    .header("Authorization", "Bearer " + rita).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                break;
            }
            if (i == 1200) {
                throw new IllegalStateException("applications-service did not learn of the benchmark's postings in 120 s");
            }
            Thread.sleep(100);
        }
        byte[] pdf = pdf(100 * 1024);
        String boundary = "bench" + runId;
        boolean withResume = System.getenv("BENCH_NO_RESUME") == null;
        IntFunction<Call> apply = i -> {
            String postingId = postingIds.get((i / 2) % postingIds.size());
            if (!withResume) {
                return Call.postJson(gateway, "/v1/applications", candidates[i % 2], "{\"postingId\":\"" + postingId
                        + "\",\"name\":\"Bench Candidate\",\"email\":\"bench@example.org\","
                        + "\"consent\":{\"privacyPolicyVersion\":\"2026-01\"}}");
            }
            String json = "{\"postingId\":\"" + postingId + "\",\"name\":\"Bench Candidate\",\"email\":\"bench@example.org\","
                    + "\"consent\":{\"privacyPolicyVersion\":\"2026-01\"}}";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"cv.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + pdf.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(pdf, 0, body, head.length, pdf.length);
            System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
            return Call.post(gateway, "/v1/applications", Map.of("Authorization", "Bearer " + candidates[i % 2],
                    "Content-Type", "multipart/form-data; boundary=" + boundary), body);
        };
        System.out.printf("applications through the gateway (%s), %d concurrent clients, %d s (after a %d s warm-up), %d postings%n",
                withResume ? "JSON + 100 KB PDF" : "JSON only, BENCH_NO_RESUME", concurrency, seconds, WARM_UP_SECONDS,
                postingIds.size());
        run(withResume ? "apply with a resume" : "apply without a resume", concurrency, seconds, apply, 201).print();
    }

    /**
     * A valid PDF of about {@code size} bytes laid out like a long CV (lines of text down each page, many pages), so
     * Tika detects it and PDFBox extracts its text as it would from a real resume.
     */
    static byte[] pdf(int size) {
        List<String> pages = new ArrayList<>();
        int total = 0;
        while (total < size - 2000) {
            StringBuilder content = new StringBuilder("BT /F1 10 Tf 50 800 Td 12 TL\n");
            for (int line = 0; line < 60; line++) {
                content.append("(Experience: built Java services on Kubernetes, line ").append(line).append(") '\n");
            }
            content.append("ET\n");
            pages.add(content.toString());
            total += content.length() + 200;
        }
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            kids.append(4 + 2 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int i = 0; i < pages.size(); i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents " + (5 + 2 * i)
                    + " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
            objects.add("<< /Length " + pages.get(i).length() + " >>\nstream\n" + pages.get(i) + "endstream");
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String posting(long run, int i) {
        return "{\"title\":\"Benchmark Engineer " + i + "\",\"description\":\"Measure **everything**.\",\"requisitionId\":\"B"
                + (run % 100000) + "-" + i + "\",\"employmentTypes\":[\"FULL_TIME\"],\"workplaceType\":\"ON_SITE\","
                + "\"locations\":[{\"country\":\"US\",\"region\":\"TX\",\"city\":\"Austin\"}],"
                + "\"salary\":{\"currency\":\"USD\",\"min\":\"90000\",\"max\":\"120000\",\"period\":\"YEAR\"},"
                + "\"applyMethod\":{\"type\":\"DIRECT\"}}";
    }
}

package org.jobboard.tools.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jobboard.tools.bench.ClosedLoop.HTTP;
import static org.jobboard.tools.bench.ClosedLoop.WARM_UP_SECONDS;
import static org.jobboard.tools.bench.ClosedLoop.get;
import static org.jobboard.tools.bench.ClosedLoop.run;

/**
 * {@code ./dev bench gateway}: the same GETs direct and through the gateway in alternating rounds, the median of each;
 * with wrk as the load generator when it is installed.
 */
final class GatewayBench {
    private GatewayBench() {
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
        static Summary of(ClosedLoop.Result r) {
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
}

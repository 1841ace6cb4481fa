package org.jobboard.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * What the run saw: requests by operation and status, and the failures: any 5xx, an error (>= 400) whose body is
 * not application/problem+json, a body that shows a stack trace or SQL, no answer at all. Failures are grouped by
 * operation, status, kind and message, each group with the first request that caused it.
 */
final class FuzzReport {
    /** Stack frames, exception class names, PostgreSQL's messages and driver: a body must never carry them. */
    static final Pattern LEAK = Pattern.compile("(\\b|\\\\t)at (org|java|jdk|io|com|sun)\\.[\\w$.]+\\(|org\\.postgresql"
            + "|SQLState|\\bERROR: |\\b[A-Z]\\w*Exception\\b|(\\b|\\\\t)at org\\.");

    record Failure(String kind, FuzzRequest request, String url, FuzzHttp.Response response, AtomicInteger count) {
    }

    private final Map<String, Map<Integer, AtomicInteger>> byOperation = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> failuresByOperation = new ConcurrentSkipListMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    void record(FuzzRequest request, String url, FuzzHttp.Response response) {
        total.incrementAndGet();
        String operation = request.operation.key();
        byOperation.computeIfAbsent(operation, k -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(response.status(), k -> new AtomicInteger()).incrementAndGet();
        String kind = failureKind(request, response);
        if (kind == null) {
            return;
        }
        failureCount.incrementAndGet();
        failuresByOperation.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        // a 5xx is told apart by operation and by the kind of mutation (one generic message hides different bugs);
        // the others mostly come from one layer (the HTTP server, a filter) for every operation, so they are grouped
        // across operations
        String signature = (kind.equals("5xx") ? operation + " " + mutationKinds(request) : request.target) + " "
                + response.status() + " " + kind + " " + message(response);
        failures.computeIfAbsent(signature, k -> new Failure(kind, request, url, response, new AtomicInteger()))
                .count().incrementAndGet();
    }

    /** "odd string at title: ..." + "If-Match: x" -> "odd string at title + If-Match". */
    private static String mutationKinds(FuzzRequest request) {
        return request.mutations.stream()
                .map(m -> m.startsWith("multipart: ") ? m.replaceAll("[0-9]+", "N") : m.replaceAll("(:| \\().*", "")).sorted()
                .reduce((a, b) -> a + " + " + b).orElse("valid");
    }

    static String failureKind(FuzzRequest request, FuzzHttp.Response response) {
        int status = response.status();
        if (status == FuzzHttp.NO_RESPONSE) {
            return "no response";
        }
        if (status >= 500) {
            return "5xx";
        }
        if (response.body() != null && LEAK.matcher(response.body()).find()) {
            return "stack trace or SQL in the body";
        }
        String type = response.contentType();
        if (status >= 400 && (type == null || !type.toLowerCase().startsWith("application/problem+json"))) {
            return "error without problem+json";
        }
        return null;
    }

    /** The part of a response that tells one failure from another: the problem's title and detail, ids blanked. */
    private static String message(FuzzHttp.Response response) {
        String body = response.body() == null ? "" : response.body();
        String text = body.length() > 160 ? body.substring(0, 160) : body;
        return text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\"traceId\":\"[0-9a-f]*\"", "").replaceAll("[0-9]+", "N");
    }

    int failures() {
        return failureCount.get();
    }

    int total() {
        return total.get();
    }

    String table() {
        TreeSet<Integer> statuses = new TreeSet<>();
        byOperation.values().forEach(counts -> statuses.addAll(counts.keySet()));
        StringBuilder out = new StringBuilder();
        int width = byOperation.keySet().stream().mapToInt(String::length).max().orElse(10);
        out.append(String.format("%-" + width + "s %6s", "operation", "total"));
        statuses.forEach(status -> out.append(String.format(" %5s", status == 0 ? "none" : status)));
        out.append(String.format(" %7s%n", "FAILED"));
        Map<Integer, Integer> columnTotals = new TreeMap<>();
        byOperation.forEach((operation, counts) -> {
            int sum = counts.values().stream().mapToInt(AtomicInteger::get).sum();
            out.append(String.format("%-" + width + "s %6d", operation, sum));
            for (int status : statuses) {
                AtomicInteger count = counts.get(status);
                out.append(String.format(" %5s", count == null ? "." : count.get()));
                columnTotals.merge(status, count == null ? 0 : count.get(), Integer::sum);
            }
            AtomicInteger failed = failuresByOperation.get(operation);
            out.append(String.format(" %7s%n", failed == null ? "." : failed.get()));
        });
        out.append(String.format("%-" + width + "s %6d", "all operations", total.get()));
        statuses.forEach(status -> out.append(String.format(" %5d", columnTotals.get(status))));
        out.append(String.format(" %7d%n", failureCount.get()));
        return out.toString();
    }

    String examples(int limit, long seed) {
        List<Failure> sorted = new ArrayList<>(failures.values());
        sorted.sort((a, b) -> Integer.compare(b.count().get(), a.count().get()));
        StringBuilder out = new StringBuilder();
        out.append(failureCount.get()).append(" failed requests, ").append(sorted.size()).append(" distinct")
                .append(sorted.size() > limit ? " (the first " + limit + " below)" : "").append('\n');
        for (Failure failure : sorted.subList(0, Math.min(limit, sorted.size()))) {
            FuzzRequest request = failure.request();
            String body = failure.response().body() == null ? "" : failure.response().body();
            out.append(String.format("%n--- %s: %s %s  x%d  (request #%d: %s; via %s as %s)%n", failure.kind(),
                    request.operation.key(), failure.response().status() == 0 ? "no response" : failure.response().status(),
                    failure.count().get(), request.index, request.describe(), request.target, request.role));
            out.append(curl(request, failure.url(), seed)).append('\n');
            out.append("    -> ").append(failure.response().contentType()).append(' ')
                    .append(FuzzGenerator.escape(body.length() > 600 ? body.substring(0, 600) + "..." : body)).append('\n');
        }
        return out.toString();
    }

    /** The request as a curl command line; the token is named, not printed (it expires within minutes anyway). */
    static String curl(FuzzRequest request, String url, long seed) {
        StringBuilder out = new StringBuilder("    curl -i -X ").append(request.method).append(' ').append(shellWord(url));
        if (!request.role.equals("anonymous")) {
            out.append(" -H ").append(request.role.matches("[a-z]+") && !request.role.equals("basic")
                    ? "\"Authorization: Bearer $TOKEN_" + request.role.toUpperCase() + "\"" : quote("Authorization: <" + request.role + ">"));
        }
        for (String[] header : request.headers) {
            byte[] sent = FuzzHttp.headerBytes(header[0] + ": " + header[1]);
            out.append(" -H ").append(shellWord(new String(sent, StandardCharsets.ISO_8859_1)));
        }
        byte[] body = request.body();
        if (body != null) {
            String word = shellWord(new String(body, StandardCharsets.ISO_8859_1));
            if (word.length() > 3000) {
                out.append(" --data-binary <").append(body.length).append(" bytes: rerun with -Dfuzz.seed=").append(seed)
                        .append(" -Dfuzz.only=").append(request.index).append(" -Dfuzz.dump=true to see them>");
            } else {
                out.append(" --data-binary ").append(word);
            }
        }
        return out.toString();
    }

    private static final Pattern RUN = Pattern.compile("([!-&(-~])\\1{63,}");

    /** A shell word; a run of one character (a huge parameter or header) is written as a printf that makes it. */
    static String shellWord(String value) {
        java.util.regex.Matcher run = RUN.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (run.find()) {
            out.append(quote(value.substring(last, run.start())));
            char c = run.group(1).charAt(0);
            out.append("\"$(printf '%*s' ").append(run.group().length()).append(" '' | tr ' ' ")
                    .append(c == '\\' ? "'\\\\'" : quote(String.valueOf(c))).append(")\"");
            last = run.end();
        }
        return out.append(quote(value.substring(last))).toString();
    }

    /** Shell quoting: '...' when printable ASCII, otherwise $'...' with \xHH escapes. */
    static String quote(String value) {
        boolean plain = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (plain) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
        StringBuilder out = new StringBuilder("$'");
        for (char c : value.toCharArray()) {
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                // the string holds bytes (ISO-8859-1) or chars from a header: either way one escape per unit
                out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append('\'').toString();
    }
}

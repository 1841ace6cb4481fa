package org.jobboard.tools.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.jobboard.tools.bench.ClosedLoop.HTTP;
import static org.jobboard.tools.bench.ClosedLoop.WARM_UP_SECONDS;
import static org.jobboard.tools.bench.ClosedLoop.run;
import static org.jobboard.tools.bench.ClosedLoop.token;
import static org.jobboard.tools.bench.PostingsBench.posting;

/** {@code ./dev bench applications}: candidates apply with a 100 KB PDF resume (or JSON only) through the gateway. */
final class ApplicationsBench {
    private ApplicationsBench() {
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
}

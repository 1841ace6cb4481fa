package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** multipart/form-data bodies for applying with a resume: a well-formed one, and the ways one can be broken. */
final class MultipartBody {
    private static final String CRLF = "\r\n";

    private MultipartBody() {
    }

    static void valid(FuzzRequest request, JsonNode application, Random random) {
        String boundary = "fuzzBoundary" + Long.toHexString(random.nextLong());
        request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        request.bytes = build(boundary, application.toString(), random.nextBoolean(), CRLF, true);
    }

    private static byte[] build(String boundary, String application, boolean resume, String newline, boolean closed) {
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append(newline)
                .append("Content-Disposition: form-data; name=\"application\"").append(newline)
                .append("Content-Type: application/json").append(newline).append(newline)
                .append(application).append(newline);
        if (resume) {
            body.append("--").append(boundary).append(newline)
                    .append("Content-Disposition: form-data; name=\"resume\"; filename=\"resume.txt\"").append(newline)
                    .append("Content-Type: text/plain").append(newline).append(newline)
                    .append("Fuzz Candidate, software engineer. Ten years of Java.").append(newline);
        }
        if (closed) {
            body.append("--").append(boundary).append("--").append(newline);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String boundary, String headers, String content) {
        return "--" + boundary + CRLF + headers + CRLF + CRLF + content + CRLF;
    }

    static void mutate(FuzzRequest request, Random random) {
        // an earlier mutation may have dropped the Content-Type or the body
        String type = request.header("Content-Type") == null ? "" : request.header("Content-Type");
        int at = type.indexOf("boundary=");
        String boundary = at < 0 ? "fuzzBoundary" : type.substring(at + "boundary=".length());
        String body = request.bytes == null ? "" : new String(request.bytes, StandardCharsets.UTF_8);
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        // a second mutation may find the body already broken
        String application = start >= 0 && end > start ? body.substring(start, end + 1) : "{}";
        String close = "--" + boundary + "--" + CRLF;
        String mutation;
        switch (random.nextInt(18)) {
            case 0 -> {
                request.header("Content-Type", "multipart/form-data");
                mutation = "no boundary parameter";
            }
            case 1 -> {
                request.header("Content-Type", "multipart/form-data; boundary=");
                mutation = "empty boundary";
            }
            case 2 -> {
                request.header("Content-Type", "multipart/form-data; boundary=other" + boundary);
                mutation = "boundary that is not in the body";
            }
            case 3 -> {
                request.bytes = build(boundary, application, true, CRLF, false);
                mutation = "unterminated (no closing delimiter)";
            }
            case 4 -> {
                request.bytes = java.util.Arrays.copyOf(request.bytes, random.nextInt(Math.max(1, request.bytes.length)));
                mutation = "truncated at byte " + request.bytes.length;
            }
            case 5 -> {
                request.bytes = new byte[0];
                mutation = "empty body";
            }
            case 6 -> {
                request.bytes = close.getBytes(StandardCharsets.UTF_8);
                mutation = "only the closing delimiter";
            }
            case 7 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 1000; i++) {
                    many.append(part(boundary, "Content-Disposition: form-data; name=\"extra" + i + "\"", "x"));
                }
                many.append(part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        application)).append(close);
                request.bytes = many.toString().getBytes(StandardCharsets.UTF_8);
                mutation = "1000 parts";
            }
            case 8 -> {
                request.bytes = (part(boundary, "Content-Type: application/json", application) + close).getBytes(StandardCharsets.UTF_8);
                mutation = "part without Content-Disposition";
            }
            case 9 -> {
                String one = part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        application);
                request.bytes = (one + one + close).getBytes(StandardCharsets.UTF_8);
                mutation = "two application parts";
            }
            case 10 -> {
                request.bytes = (part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: text/plain",
                        application) + close).getBytes(StandardCharsets.UTF_8);
                mutation = "application part as text/plain";
            }
            case 11 -> {
                String broken = Oddities.pick(Oddities.MALFORMED_JSON, random);
                request.bytes = (part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        broken) + close).getBytes(StandardCharsets.UTF_8);
                mutation = "application part " + FuzzGenerator.abbreviate(broken);
            }
            case 12 -> {
                String filename = pick(random, "../../etc/passwd", "a\u0000b.pdf", "f".repeat(5000) + ".pdf", "", "\u202efdp.exe",
                        "resume.pdf\"; name=\"application");
                request.bytes = (part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        application) + part(boundary, "Content-Disposition: form-data; name=\"resume\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/pdf", "%PDF-1.4 not really") + close).getBytes(StandardCharsets.UTF_8);
                mutation = "resume filename " + FuzzGenerator.abbreviate(filename);
            }
            case 13 -> {
                String contentType = pick(random, "application/x-msdownload", "application/pdf", "image/png", "", "text/plain; charset=nope");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        application).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(("--" + boundary + CRLF + "Content-Disposition: form-data; name=\"resume\"; filename=\"r.pdf\"" + CRLF
                        + "Content-Type: " + contentType + CRLF + CRLF).getBytes(StandardCharsets.UTF_8));
                byte[] garbage = new byte[random.nextInt(4096)];
                random.nextBytes(garbage);
                out.writeBytes(garbage);
                out.writeBytes((CRLF + close).getBytes(StandardCharsets.UTF_8));
                request.bytes = out.toByteArray();
                mutation = "resume of random bytes as " + contentType;
            }
            case 14 -> {
                request.bytes = build(boundary, application, true, "\n", true);
                mutation = "LF line endings";
            }
            case 15 -> {
                String longBoundary = "b".repeat(200);
                request.header("Content-Type", "multipart/form-data; boundary=" + longBoundary);
                request.bytes = build(longBoundary, application, true, CRLF, true);
                mutation = "200-character boundary";
            }
            case 16 -> {
                request.bytes = (part(boundary, "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json",
                        application) + part(boundary, "Content-Disposition: form-data; name=\"resume\"; filename=\"r.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64", "!!!not base64!!!") + close)
                        .getBytes(StandardCharsets.UTF_8);
                mutation = "resume with Content-Transfer-Encoding: base64";
            }
            default -> {
                request.bytes = ("preamble" + CRLF + part(boundary,
                        "Content-Disposition: form-data; name=\"application\"\r\n Content-Type: application/json", application)
                        + close + "epilogue").getBytes(StandardCharsets.UTF_8);
                mutation = "folded part header, preamble and epilogue";
            }
        }
        request.mutations.add("multipart: " + mutation);
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}

package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.jobboard.applications.support.Db;
import org.jobboard.applications.support.Documents;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.applications.support.RawHttp;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow clients (RequestBodyReader), with a worker pool of 4 threads, at most 6 uploads in flight and a no-progress
 * timeout of 2 s: uploads in progress hold no worker, one too many is 503 (JSON applies count as uploads too), a
 * silent one is 408, and a 5 MB resume
 * sent slowly but steadily, for longer than the no-progress timeout, is accepted. These run on real time on purpose:
 * what they test is a socket read timer of the event loop against a real slow client, not a time of day, so the
 * profile keeps that timeout short (2 s) instead of moving a clock.
 */
@QuarkusTest
@TestProfile(SlowUploadTest.SmallWorkerPool.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class SlowUploadTest {
    static final int WORKERS = 4;
    static final int MAX_IN_FLIGHT = 6;
    static final String BOUNDARY = "slow-upload-boundary";

    public static class SmallWorkerPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", Integer.toString(WORKERS),
                    "jobboard.applications.uploads.max-in-flight", Integer.toString(MAX_IN_FLIGHT),
                    "jobboard.applications.uploads.no-progress-timeout", "2s");
        }
    }

    @Inject
    RequestBodyReader reader;

    @Inject
    MeterRegistry metrics;

    @Test
    void uploadsInProgressHoldNoWorkerAndOneTooManyIsRefused() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        // above the platform's 1 MB pre-read: without RequestBodyReader each would be read on a worker thread
        byte[] resume = "Experienced engineer. ".repeat(70_000).getBytes(StandardCharsets.US_ASCII);
        List<Upload> uploads = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                Upload upload = new Upload(Fixtures.newCandidate("slow" + i), posting, resume);
                upload.sendHeadAndFirst(64 * 1024);
                uploads.add(upload);
            }
            // each sends a byte every 100 ms: slow, but never silent for the 2 s timeout
            trickle.scheduleAtFixedRate(() -> uploads.forEach(Upload::trickle), 0, 100, TimeUnit.MILLISECONDS);
            Db.eventually(() -> reader.uploadsInFlight() == MAX_IN_FLIGHT, MAX_IN_FLIGHT + " uploads in flight");

            // more uploads in flight than worker threads, and a request that needs a worker is still answered
            RawHttp.Answer list = RawHttp.get("/v1/me/applications", Fixtures.newCandidate("reader"), 5_000);
            assertEquals(200, list.status(), list.toString());

            // one more upload is refused at once, from its headers, before it sends its body
            try (RawHttp extra = RawHttp.connect(5_000)) {
                extra.write((RawHttp.postHead("/v1/applications", Fixtures.newCandidate("extra"),
                        "multipart/form-data; boundary=" + BOUNDARY, 1000).replace("\r\n\r\n",
                        "\r\nExpect: 100-continue\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
                RawHttp.Answer busy = extra.readAnswer();
                assertEquals(503, busy.status(), busy.toString());
                assertEquals("5", busy.headers().get("retry-after"), busy.toString());
                assertTrue(busy.headers().get("content-type").startsWith("application/problem+json"), busy.toString());
                assertEquals(503, JsonPath.from(busy.body()).getInt("status"));
            }

            trickle.shutdownNow();
            assertTrue(trickle.awaitTermination(5, TimeUnit.SECONDS));
            for (Upload upload : uploads) {
                RawHttp.Answer created = upload.finish();
                assertEquals(201, created.status(), created.toString());
            }
            // every slot is free again: as many uploads again are admitted
            Db.eventually(() -> reader.uploadsInFlight() == 0, "no upload in flight");
            for (int i = 0; i < MAX_IN_FLIGHT + 1; i++) {
                Upload again = new Upload(Fixtures.newCandidate("again" + i), posting, "Short resume".getBytes(StandardCharsets.US_ASCII));
                again.sendHeadAndFirst(Integer.MAX_VALUE);
                assertEquals(201, again.finish().status());
            }
        } finally {
            trickle.shutdownNow();
            for (Upload upload : uploads) {
                upload.close();
            }
        }
    }

    /**
     * A JSON apply may carry a resume too (base64): it holds its body in memory like a multipart one, so it takes an
     * upload slot (and counts in the gauge), and beyond the cap is refused 503 from its headers, as a multipart one is.
     */
    @Test
    void jsonAppliesTakeUploadSlotsToo() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        byte[] resume = "Experienced engineer. ".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        List<Upload> uploads = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                Upload upload = Upload.json(Fixtures.newCandidate("json" + i), posting, resume);
                upload.sendHeadAndFirst(64 * 1024);
                uploads.add(upload);
            }
            trickle.scheduleAtFixedRate(() -> uploads.forEach(Upload::trickle), 0, 100, TimeUnit.MILLISECONDS);
            Db.eventually(() -> reader.uploadsInFlight() == MAX_IN_FLIGHT, MAX_IN_FLIGHT + " JSON applies in flight");
            assertEquals(MAX_IN_FLIGHT, metrics.get("jobboard.uploads.in.flight").gauge().value());

            // one more apply is refused from its headers, JSON or multipart alike
            for (String type : List.of("application/json", "multipart/form-data; boundary=" + BOUNDARY)) {
                try (RawHttp extra = RawHttp.connect(5_000)) {
                    extra.write(RawHttp.postHead("/v1/applications", Fixtures.newCandidate("extra"), type, 1000)
                            .replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    RawHttp.Answer busy = extra.readAnswer();
                    assertEquals(503, busy.status(), type + ": " + busy);
                    assertEquals("5", busy.headers().get("retry-after"), busy.toString());
                    assertTrue(busy.headers().get("content-type").startsWith("application/problem+json"), busy.toString());
                }
            }
            // a request that is not an apply is not held back by the cap
            RawHttp.Answer list = RawHttp.get("/v1/me/applications", Fixtures.newCandidate("reader"), 5_000);
            assertEquals(200, list.status(), list.toString());

            trickle.shutdownNow();
            assertTrue(trickle.awaitTermination(5, TimeUnit.SECONDS));
            for (Upload upload : uploads) {
                RawHttp.Answer created = upload.finish();
                assertEquals(201, created.status(), created.toString());
                assertEquals(resume.length, JsonPath.from(created.body()).getInt("resume.sizeBytes"));
            }
            Db.eventually(() -> reader.uploadsInFlight() == 0, "no upload in flight");
            assertEquals(0, metrics.get("jobboard.uploads.in.flight").gauge().value());
        } finally {
            trickle.shutdownNow();
            for (Upload upload : uploads) {
                upload.close();
            }
        }
    }

    @Test
    void anUploadThatFallsSilentIsAnswered408() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String candidate = Fixtures.newCandidate("silent");
        Upload upload = new Upload(candidate, posting, "Ten years of Java. ".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        try {
            upload.sendHeadAndFirst(100 * 1024);
            // then nothing: the answer comes after the 2 s without progress (the read fails after 10 s otherwise)
            RawHttp.Answer answer = upload.http.readAnswer();
            assertEquals(408, answer.status(), answer.toString());
            assertTrue(answer.headers().get("content-type").startsWith("application/problem+json"), answer.toString());
            assertEquals(408, JsonPath.from(answer.body()).getInt("status"));
        } finally {
            upload.close();
        }
        Db.eventually(() -> reader.uploadsInFlight() == 0, "the silent upload's slot to be free");
        ApplyTest.assertNothingStoredFor(candidate, posting);
    }

    @Test
    void aFiveMegabyteResumeSentSlowlyButSteadilyIsAccepted() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        byte[] resume = Arrays.copyOf(Documents.pdf("Sent from a train", 5 * 1024 * 1024), 5 * 1024 * 1024);
        Upload upload = new Upload(Fixtures.newCandidate("train"), posting, resume);
        try {
            long started = System.nanoTime();
            upload.sendHeadAndFirst(0);
            // 64 KB every 50 ms (about 1.3 MB/s): at least 4 s in all, twice the no-progress timeout
            while (upload.sent < upload.body.length) {
                upload.send(64 * 1024);
                Thread.sleep(50); // the client's own pacing
            }
            RawHttp.Answer answer = upload.http.readAnswer();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertEquals(201, answer.status(), answer.toString());
            assertEquals(resume.length, JsonPath.from(answer.body()).getInt("resume.sizeBytes"));
            assertTrue(seconds >= 3, "the upload took longer than the no-progress timeout: " + seconds + " s");
        } finally {
            upload.close();
        }
    }

    /** An apply written by hand over its own connection, as fast or as slowly as the test wants. */
    static final class Upload {
        final RawHttp http;
        final String token;
        final String contentType;
        final byte[] body;
        int sent;

        /** A JSON apply with the resume inside it, base64-encoded. */
        static Upload json(String token, String posting, byte[] resume) throws IOException {
            return new Upload(Fixtures.withResume(Fixtures.application(posting), "cv.txt", resume)
                    .getBytes(StandardCharsets.UTF_8), "application/json", token);
        }

        private Upload(byte[] body, String contentType, String token) throws IOException {
            this.http = RawHttp.connect(10_000);
            this.token = token;
            this.contentType = contentType;
            this.body = body;
        }

        /** A multipart apply: the application part and the resume as a file part. */
        Upload(String token, String posting, byte[] resume) throws IOException {
            this.http = RawHttp.connect(10_000);
            this.token = token;
            this.contentType = "multipart/form-data; boundary=" + BOUNDARY;
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + Fixtures.application(posting) + "\r\n--" + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"cv\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n";
            byte[] start = head.getBytes(StandardCharsets.UTF_8);
            byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            body = new byte[start.length + resume.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(resume, 0, body, start.length, resume.length);
            System.arraycopy(end, 0, body, start.length + resume.length, end.length);
        }

        void sendHeadAndFirst(int bytes) throws IOException {
            http.write(RawHttp.postHead("/v1/applications", token, contentType, body.length)
                    .getBytes(StandardCharsets.US_ASCII));
            send(bytes);
        }

        void send(int bytes) throws IOException {
            int n = Math.min(bytes, body.length - sent);
            http.write(body, sent, n);
            sent += n;
        }

        synchronized void trickle() {
            try {
                if (sent < body.length - 1) {
                    send(1);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized RawHttp.Answer finish() throws IOException {
            send(body.length);
            return http.readAnswer();
        }

        void close() throws IOException {
            http.close();
        }
    }
}

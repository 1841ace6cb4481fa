package org.jobboard.applications.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jobboard.applications.repository.ResumeRepository.ClaimedExtraction;
import org.jobboard.applications.support.Db;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.applications.support.MutableClock;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background text extraction against the real database: workers racing for the same rows (as replicas do),
 * an erasure while a worker holds a claim, and the attempts limit. The service's own timer is off in tests (only
 * applies wake its worker), so what these tests hand back to PENDING is left to the workers they start.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class ResumeTextWorkerTest {
    @Inject
    ResumeTextWorker worker;

    @Inject
    ResumeTextQueue queue;

    @Inject
    MutableClock clock;

    @Inject
    org.jobboard.applications.config.ApplicationsConfig config;

    @Test
    void workersRacingForTheSameResumesExtractEachExactlyOnce() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String run = Ids.newId().substring(24);
        int resumes = 24;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < resumes; i++) {
            ids.add(Fixtures.applyMultipart(Fixtures.newCandidate("racer"), Fixtures.application(posting), "cv.txt",
                    ("Resume number " + i + " of run " + run).getBytes(StandardCharsets.UTF_8), "text/plain")
                    .statusCode(201).extract().path("id"));
        }
        ids.forEach(Fixtures::awaitTextExtraction);
        awaitNothingDue();
        // all of them pending again at once, and three workers started together
        assertEquals(resumes, Db.update("update resume set extraction_status = 'PENDING', extraction_attempts = 0, "
                + "extracted_text = null, extraction_due_at = now() where application_id = any(?::uuid[])",
                "{" + String.join(",", ids) + "}"));
        int workers = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        int extracted = 0;
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return worker.drain();
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                extracted += result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(resumes, extracted, "every resume extracted by exactly one worker");
        for (int i = 0; i < resumes; i++) {
            String id = ids.get(i);
            assertEquals("DONE", Db.value("select extraction_status from resume where application_id = ?::uuid", id));
            assertEquals(1, Db.count("select extraction_attempts from resume where application_id = ?::uuid", id),
                    "claimed once");
            assertEquals("Resume number " + i + " of run " + run,
                    Db.value("select extracted_text from resume where application_id = ?::uuid", id));
        }
    }

    @Test
    void aResumeErasedWhileAWorkerHoldsItsClaimStaysErased() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String name = "Wanda Worker" + Ids.newId().substring(26);
        String wanda = Fixtures.newCandidate("wanda");
        String id = Fixtures.applyMultipart(wanda, Fixtures.application(posting), "cv.txt",
                (name + " resume").getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(201).extract().path("id");
        Fixtures.awaitTextExtraction(id);
        awaitNothingDue();
        Db.update("update resume set extraction_status = 'PENDING', extraction_attempts = 0, extracted_text = null, "
                + "extraction_due_at = now() where application_id = ?::uuid", id);

        List<ClaimedExtraction> claims = queue.claim();
        assertEquals(List.of(id), claims.stream().map(c -> c.applicationId().toString()).toList());
        // claimed: not due for anyone else while the lease holds
        assertEquals(List.of(), queue.claim());
        // the candidate erases their data while "extraction" runs; its result arrives afterwards
        given().auth().oauth2(wanda).delete("/v1/me").then().statusCode(204);
        assertFalse(queue.done(claims.get(0), name + " resume"), "nothing is written for an erased resume");
        assertEquals(0, Db.count("select count(*) from resume where application_id = ?::uuid", id));
        assertEquals(0, Db.count("select count(*) from resume where extracted_text like ?", "%" + name + "%"));
        assertEquals(0, Db.count("select count(*) from stored_file where encode(content, 'escape') like ?",
                "%" + name + "%"));
    }

    /** The lease is on the service's clock: moved past it, the claim of a worker that never reported back lapses. */
    @Test
    void aClaimWhoseLeaseRanOutIsTakenAgainAndTheLateResultOfTheFirstIsDropped() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String id = Fixtures.applyMultipart(Fixtures.newCandidate("leased"), Fixtures.application(posting), "cv.txt",
                "Resume whose first worker stalled".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(201).extract().path("id");
        Fixtures.awaitTextExtraction(id);
        awaitNothingDue();
        Db.update("update resume set extraction_status = 'PENDING', extraction_attempts = 0, extracted_text = null, "
                + "extraction_due_at = now() where application_id = ?::uuid", id);
        try {
            ClaimedExtraction first = claimOf(queue.claim(), id);
            assertEquals(1, first.attempt());
            assertTrue(queue.claim().stream().noneMatch(c -> c.applicationId().toString().equals(id)),
                    "not due for anyone else while the lease holds");

            clock.advance(config.resume().extraction().lease().plusSeconds(1));
            ClaimedExtraction second = claimOf(queue.claim(), id);
            assertEquals(2, second.attempt());
            assertFalse(queue.done(first, "stale"), "the first worker's claim no longer holds");
            assertTrue(queue.done(second, "fresh"));
        } finally {
            clock.reset();
        }
        assertEquals("fresh", Db.value("select extracted_text from resume where application_id = ?::uuid", id));
    }

    private static ClaimedExtraction claimOf(List<ClaimedExtraction> claims, String applicationId) {
        return claims.stream().filter(c -> c.applicationId().toString().equals(applicationId)).findFirst()
                .orElseThrow(() -> new AssertionError(applicationId + " not claimed: " + claims));
    }

    @Test
    void aResumeWhoseClaimsNeverReportedBackEndsFailedAfterTheAttemptsLimit() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        byte[] content = "Resume that once crashed its worker".getBytes(StandardCharsets.UTF_8);
        String id = Fixtures.applyMultipart(Fixtures.newCandidate("crasher"), Fixtures.application(posting), "cv.txt",
                content, "text/plain").statusCode(201).extract().path("id");
        Fixtures.awaitTextExtraction(id);
        awaitNothingDue();
        // three claims so far whose workers died before recording anything (their leases ran out)
        Db.update("update resume set extraction_status = 'PENDING', extraction_attempts = 3, extracted_text = null, "
                + "extraction_due_at = now() where application_id = ?::uuid", id);

        assertEquals(1, worker.drain());
        String rita = TestTokens.recruiter("rita", organization);
        Fixtures.awaitTextExtraction(rita, id).body("resume.extractionStatus", equalTo("FAILED"));
        assertTrue(String.valueOf(Db.value("select extraction_error from resume where application_id = ?::uuid", id))
                .contains("gave up after 3 attempts"));
        given().auth().oauth2(rita).get("/v1/applications/" + id + "/resume").then().statusCode(200)
                .body(containsString("Resume that once crashed its worker"));
    }

    /**
     * Work that other tests left for the service's worker is finished and that worker has stopped (it may still be
     * pausing after its last document, and would claim what a test hands back to PENDING), so a claim here takes only
     * this test's rows. Only an apply wakes it again: the timer is off in tests.
     */
    private void awaitNothingDue() {
        Db.eventually(() -> Db.count("select count(*) from resume where extraction_status = 'PENDING' "
                + "and extraction_due_at <= now()") == 0 && worker.isIdle(), "no resume text due, the worker idle");
    }
}

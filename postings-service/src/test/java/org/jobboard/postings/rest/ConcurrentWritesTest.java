package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers racing with the same, current If-Match: every one passes the check, the database lets one win. The others
 * must see 412 problem+json (the precondition no longer holds), never a 500 from the failed version check.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class ConcurrentWritesTest {
    private static final int WRITERS = 30;

    @TestHTTPResource("/")
    URL root;

    @Test
    void ofThirtyPatchesWithTheSameIfMatchOneWinsAndTheOthersGet412() throws Exception {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Race Inc"));
        String id = PostingFixtures.createDraft(recruiter, PostingFixtures.complete("Racing Engineer"));

        List<HttpResponse<String>> responses = race(i -> HttpRequest.newBuilder(uri("/v1/postings/" + id))
                .header("Authorization", "Bearer " + recruiter).header("If-Match", "\"0\"")
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Racing Engineer " + i + "\"}"))
                .build());

        assertOneWinnerOthers412(responses);
        given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void ofThirtyClosesWithTheSameIfMatchOneWinsAndTheOthersGet412() throws Exception {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Close Race Inc"));
        String id = PostingFixtures.createPublished(recruiter, "Closing Engineer");
        String etag = given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().extract().header("ETag");

        List<HttpResponse<String>> responses = race(i -> HttpRequest.newBuilder(uri("/v1/postings/" + id + "/close"))
                .header("Authorization", "Bearer " + recruiter).header("If-Match", etag)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"FILLED\"}")).build());

        assertOneWinnerOthers412(responses);
        given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().body("status", equalTo("CLOSED"));
    }

    interface RequestFor {
        HttpRequest build(int writer);
    }

    /** Sends WRITERS requests at once (released together by a gate), each on its own HTTP/1.1 connection. */
    private List<HttpResponse<String>> race(RequestFor request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            // not the pool: its threads all block in send(), the client needs its own to read the answers
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                HttpRequest built = request.build(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return client.send(built, HttpResponse.BodyHandlers.ofString());
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinnerOthers412(List<HttpResponse<String>> responses) {
        String statuses = responses.stream().map(r -> Integer.toString(r.statusCode()))
                .collect(Collectors.joining(","));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count(), statuses);
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                continue;
            }
            assertEquals(412, response.statusCode(), statuses + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().toString());
            assertTrue(response.body().contains("\"status\":412"), response.body());
        }
    }

    private URI uri(String path) {
        return URI.create(root.toString().replaceAll("/$", "") + path);
    }
}

package org.jobboard.systemtests;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jobboard.systemtests.Stack.gateway;

/**
 * Kafka stopped for a minute (system property {@code jobboard.outage.seconds}) under steady reads and writes through
 * the gateway: no request fails and the three back-end services stay ready all along (their readiness no longer
 * includes the broker); once the broker is back, every posting written meanwhile is delivered: searchable, and known
 * to applications-service's replica. Stops and starts the local stack's Kafka with {@code ./dev stack}.
 */
class BrokerOutageEndToEndTest {
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("jobboard.outage.seconds", 60));
    /** The relay retries at most every 30 s and the consumers rejoin their groups: well within this. */
    private static final Duration DELIVERY = Duration.ofSeconds(120);
    private static final List<String> SERVICES = List.of(Stack.env("POSTINGS_URL", "http://127.0.0.1:8081"),
            Stack.env("SEARCH_URL", "http://127.0.0.1:8082"), Stack.env("APPLICATIONS_URL", "http://127.0.0.1:8083"));

    private final String word = "outage" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** Requests through the gateway, and readiness probes sent to the services directly. */
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger probes = new AtomicInteger();

    @Test
    void aBrokerOutageFailsNoRequestAndEverythingWrittenIsDeliveredAfterwards() throws Exception {
        Stack.ensureAcme();
        // fresh tokens (5 minutes): the cached ones of earlier tests could expire during the run
        for (String user : List.of("rita", "ralph", "ada")) {
            tokens.put(user, freshToken(user));
        }
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(5);
        int sentDuringOutage;
        int writtenDuringOutage;
        Instant kafkaBack;
        try {
            // a few clients, each well within its rate limit (recruiter and admin: 1,200 a minute)
            clients.scheduleWithFixedDelay(guarded(this::createAndPublish), 0, 1000, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(guarded(this::readPostings), 100, 300, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(guarded(this::readChanges), 150, 500, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(guarded(this::search), 200, 300, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(guarded(this::checkReadiness), 250, 1000, TimeUnit.MILLISECONDS);
            awaitCondition(() -> written.size() >= 3, Duration.ofSeconds(30), () -> "traffic before the outage; failed: "
                    + failures);

            dev("stop", "kafka");
            int requestsBefore = requests.get();
            int writtenBefore = written.size();
            // the outage is the scenario's length, not a wait for something: the clients keep sending meanwhile
            TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis());
            sentDuringOutage = requests.get() - requestsBefore;
            writtenDuringOutage = written.size() - writtenBefore;
            dev("start", "kafka");
            kafkaBack = Instant.now();
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("broker outage of %d s: %d requests through the gateway during the outage (%d postings "
                + "written), %d in all, %d readiness probes; %d failed%n", OUTAGE.toSeconds(), sentDuringOutage,
                writtenDuringOutage, requests.get(), probes.get(), failures.size());
        assertEquals(List.of(), failures, "failed requests (of " + requests.get() + " and " + probes.get()
                + " readiness probes)");
        assertTrue(writtenDuringOutage > 0, "postings were written during the outage");

        Set<String> unsearchable = new HashSet<>(written);
        Set<String> notInReplica = new HashSet<>(written);
        awaitCondition(() -> {
            unsearchable.removeAll(searchHits());
            // a few a round: rita's rate limit is shared with nothing now, but a lagging replica must not drain it
            notInReplica.stream().limit(10).toList().forEach(id -> {
                if (as("rita").queryParam("postingId", id).get("/v1/applications").statusCode() == 200) {
                    notInReplica.remove(id);
                }
            });
            return unsearchable.isEmpty() && notInReplica.isEmpty();
        }, DELIVERY, () -> "the postings written to be searchable and in applications-service's replica: not yet "
                + "searchable " + unsearchable + ", not in the replica " + notInReplica);
        System.out.printf("all %d postings written delivered %d ms after Kafka was back%n", written.size(),
                Duration.between(kafkaBack, Instant.now()).toMillis());
    }

    private void createAndPublish() {
        String body = """
                {"title":"Broker Outage Engineer %s %d","description":"Keeps writing while Kafka is away.",
                 "employmentTypes":["FULL_TIME"],"workplaceType":"ON_SITE",
                 "locations":[{"country":"US","region":"TX","city":"Austin"}],"applyMethod":{"type":"DIRECT"}}""".formatted(word, written.size());
        Response created = send("create", () -> as("rita").contentType("application/json").body(body)
                .post("/v1/postings"));
        if (created == null || created.statusCode() != 201) {
            return;
        }
        String id = created.path("id");
        Response published = send("publish", () -> as("rita").contentType("application/json").body("{}")
                .post("/v1/postings/" + id + "/publish"));
        if (published != null && published.statusCode() == 200) {
            written.add(id);
        }
    }

    private void readPostings() {
        if (!written.isEmpty()) {
            String id = written.get(written.size() - 1);
            send("get posting", () -> as("ralph").get("/v1/postings/" + id));
        }
        send("list postings", () -> as("rita").queryParam("limit", 5).get("/v1/postings"));
    }

    private void readChanges() {
        send("change feed", () -> as("ada").queryParam("limit", 5).get("/v1/feeds/changes"));
    }

    private void search() {
        send("search", () -> as("ada").queryParam("q", "engineer").queryParam("limit", 5).get("/v1/search/postings"));
    }

    /** What a load balancer would ask: a service that is not ready gets no traffic (the 502s of the issue). */
    private void checkReadiness() {
        for (String service : SERVICES) {
            probes.incrementAndGet();
            check("ready " + service, () -> given().baseUri(service).get("/q/health/ready"));
        }
    }

    /** A client's step; anything it throws is a failure (and must not end the client's schedule silently). */
    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failures.add(Instant.now() + " client step: " + e);
            }
        };
    }

    /** Sends one request through the gateway; any answer but 2xx, or no answer, is a failure. */
    private Response send(String what, Supplier<Response> request) {
        requests.incrementAndGet();
        return check(what, request);
    }

    private Response check(String what, Supplier<Response> request) {
        try {
            Response response = request.get();
            if (response.statusCode() / 100 != 2) {
                failures.add(Instant.now() + " " + what + ": " + response.statusCode() + " "
                        + abbreviate(response.asString()));
            }
            return response;
        } catch (RuntimeException e) {
            failures.add(Instant.now() + " " + what + ": " + e);
            return null;
        }
    }

    private Set<String> searchHits() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var request = as("ada").queryParam("q", word).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/search/postings").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private io.restassured.specification.RequestSpecification as(String user) {
        return gateway().auth().oauth2(tokens.get(user));
    }

    private static String freshToken(String user) {
        return given().baseUri(Stack.KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "jobboard-web")
                .formParam("username", user).formParam("password", user)
                .post("/realms/jobboard/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Polls {@code condition} once a second until it holds, for at most {@code within}. */
    private static void awaitCondition(BooleanSupplier condition, Duration within, Supplier<String> what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what.get());
            }
            Thread.sleep(1000);
        }
    }

    /** {@code ./dev stack stop|start kafka} of the checkout these tests run from (the one that started the stack). */
    private static void dev(String action, String piece) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        File log = root.resolve(".local/logs/test-stack.log").toFile();
        Process process = new ProcessBuilder("bash", root.resolve("dev").toString(), "stack", action, piece)
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0,
                "./dev stack " + action + " " + piece + " failed; see " + log);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("dev")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding ./dev)");
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}

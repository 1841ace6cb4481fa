package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real resources made before the run, so that mutations reach the code behind the lookups instead of ending in
 * 404: Acme's published posting (the path id), a second one that only takes applications, a draft, Globex's draft
 * (another organization's), alice's application; and the latest ETag seen for each.
 */
final class FuzzFixtures {
    static final String ACME = "0193e0a0-0000-7000-8000-00000000ac3e";
    static final String GLOBEX = "0193e0a0-0000-7000-8000-0000000910be";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String POSTING = """
            {"title":"Fuzz target engineer","description":"Keeps **services** standing.","employmentTypes":["FULL_TIME"],
             "workplaceType":"ON_SITE","locations":[{"country":"US","region":"TX","city":"Austin"}],
             "salary":{"currency":"USD","min":"90000","max":"120000","period":"YEAR"},
             "applyMethod":{"type":"DIRECT","questions":[
               {"id":"authorized","label":"Authorized to work in the US?","type":"YES_NO","required":true,"knockoutAnswer":"NO"}]}}""";

    private final FuzzHttp http;
    private final String gateway;
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private volatile String publishedPosting;
    private volatile String openPosting;
    private volatile String draftPosting;
    private volatile String otherOrganizationPosting;
    private volatile String application;

    FuzzFixtures(FuzzHttp http, String gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    void create() throws InterruptedException {
        organization("ada", ACME, "Acme Corporation");
        organization("ada", GLOBEX, "Globex");
        publishedPosting = posting("rita", true);
        openPosting = posting("rita", true);
        draftPosting = posting("rita", false);
        otherOrganizationPosting = posting("ralph", false);
        // applying is refused until the applications replica has heard of the posting through Kafka
        Instant deadline = Instant.now().plusSeconds(60);
        while (call("rita", "GET", "/v1/applications?postingId=" + openPosting, null).status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the posting did not reach applications-service within 60 s");
            }
            Thread.sleep(200);
        }
        String body = """
                {"postingId":"%s","name":"Alice Candidate","email":"alice@example.org","phone":"+14155550123",
                 "answers":{"authorized":"YES"},"coverLetter":"Fuzzing is fun.",
                 "consent":{"privacyPolicyVersion":"2026-01","marketing":false}}""".formatted(openPosting);
        FuzzHttp.Response applied = call("alice", "POST", "/v1/applications", body);
        if (applied.status() == 201) {
            application = id(applied);
        } else {
            // alice applied in an earlier run: her newest application to anything will do
            FuzzHttp.Response mine = call("alice", "GET", "/v1/me/applications", null);
            JsonNode items = read(mine).path("items");
            application = items.size() > 0 ? items.get(0).path("id").asText() : UUID.randomUUID().toString();
        }
        System.out.printf("fixtures: published posting %s, open posting %s, draft %s, Globex draft %s, application %s%n",
                publishedPosting, openPosting, draftPosting, otherOrganizationPosting, application);
    }

    private void organization(String role, String id, String name) {
        int status = call(role, "POST", "/v1/organizations",
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"website\":\"https://example.org\"}").status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("cannot register " + name + ": " + status);
        }
    }

    private String posting(String role, boolean publish) {
        FuzzHttp.Response created = call(role, "POST", "/v1/postings", POSTING);
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create a posting as " + role + ": " + created.status() + " " + created.body());
        }
        String id = id(created);
        etags.put("/v1/postings/" + id, created.header("ETag"));
        if (publish) {
            FuzzHttp.Response published = call(role, "POST", "/v1/postings/" + id + "/publish", "{}");
            if (published.status() != 200) {
                throw new IllegalStateException("cannot publish: " + published.status() + " " + published.body());
            }
            etags.put("/v1/postings/" + id, published.header("ETag"));
        }
        return id;
    }

    private FuzzHttp.Response call(String role, String method, String path, String json) {
        List<String[]> headers = new ArrayList<>();
        String authorization = http.authorization(role);
        if (authorization != null) {
            headers.add(new String[] { "Authorization", authorization });
        }
        if (json != null) {
            headers.add(new String[] { "Content-Type", "application/json" });
        }
        return http.send(method, gateway + path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(30));
    }

    private static JsonNode read(FuzzHttp.Response response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private static String id(FuzzHttp.Response response) {
        return read(response).path("id").asText();
    }

    /** A path id for an operation: mostly the fixture that lets the request go deep, sometimes another. */
    String idFor(String path, Random random) {
        int roll = random.nextInt(100);
        if (path.startsWith("/v1/postings")) {
            return roll < 55 ? publishedPosting : roll < 80 ? draftPosting : roll < 92 ? otherOrganizationPosting
                    : new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (path.startsWith("/v1/applications") || path.startsWith("/v1/me/applications/")) {
            return roll < 85 ? application : new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (path.startsWith("/v1/organizations")) {
            return roll < 70 ? ACME : roll < 90 ? GLOBEX : new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    String etag(String resourcePath) {
        return etags.getOrDefault(resourcePath, "\"0\"");
    }

    /** Replaces what a reused example cannot keep: the posting to apply to, unique references, future dates. */
    void substitute(FuzzSpec.Operation operation, JsonNode json, Random random) {
        if (operation.method().equals("POST") && operation.path().equals("/v1/organizations") && json instanceof ObjectNode root) {
            root.remove("id");
        }
        substitute(json, random);
    }

    private void substitute(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(field -> names.add(field.getKey()));
            for (String name : names) {
                switch (name) {
                    case "postingId" -> object.put(name, openPosting);
                    case "requisitionId" -> object.put(name, "FUZZ-" + Integer.toHexString(random.nextInt()));
                    case "validThrough" -> object.put(name, Instant.now().plus(30, ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                    default -> substitute(object.get(name), random);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(item -> substitute(item, random));
        }
    }

    /** Keeps the ETags current and a draft in place when the run deleted the last one. */
    void observe(FuzzRequest request, FuzzHttp.Response response) {
        String etag = response.header("ETag");
        String path = request.path();
        if (etag != null && response.status() >= 200 && response.status() < 300 && path.split("/").length <= 5
                && !path.endsWith("/resume")) {
            etags.put(request.resourcePath(), etag);
        }
        if (request.method.equals("DELETE") && response.status() == 204 && path.equals("/v1/postings/" + draftPosting)) {
            synchronized (this) {
                if (path.equals("/v1/postings/" + draftPosting)) {
                    draftPosting = posting("rita", false);
                }
            }
        }
    }
}

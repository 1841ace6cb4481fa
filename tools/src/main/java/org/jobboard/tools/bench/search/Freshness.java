package org.jobboard.tools.bench.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish-to-searchable time through the whole running stack: the demo recruiter creates and publishes a posting
 * through the gateway (one batch call), then a client searches for the posting's unique word through the gateway
 * every few milliseconds until the posting is a hit. Measured from sending the publish request to receiving the first
 * response that contains the posting (outbox, relay, Kafka, indexer, near-real-time refresh, both HTTP hops). The
 * probe postings are closed afterwards.
 */
final class Freshness {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"outcome\"\\s*:\\s*\"CREATED\"\\s*,\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** {@code publish}: of that, until the publish request was answered (the rest is outbox to searchable). */
    record Result(Latencies latencies, Latencies publish, int probes, int missed) {
    }

    private final String gateway;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Freshness(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    /** Whether the gateway answers (the stack runs). */
    boolean stackReachable() {
        try {
            // the public port serves no health endpoint (management port only); its OpenAPI document shows it is up
            return http.send(HttpRequest.newBuilder(URI.create(gateway + "/q/openapi"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Result measure(int probes) throws Exception {
        String token = token("rita");
        Random random = new Random();
        long run = System.currentTimeMillis() % 1_000_000;
        long[] nanos = new long[probes];
        long[] publishNanos = new long[probes];
        int found = 0;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String word = uniqueWord(random);
            long sent = System.nanoTime();
            HttpResponse<String> response = publish(token, run, i, word);
            if (response.statusCode() == 401) {
                token = token("rita");
                sent = System.nanoTime();
                response = publish(token, run, i, word);
            }
            Matcher id = CREATED.matcher(response.body());
            if (response.statusCode() != 200 || !id.find()) {
                throw new IllegalStateException("publishing a probe posting failed: " + response.statusCode() + " "
                        + response.body());
            }
            publishNanos[i] = System.nanoTime() - sent;
            created.add(id.group(1));
            long deadline = sent + PATIENCE.toNanos();
            String search = gateway + "/v1/search/postings?limit=5&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
            while (System.nanoTime() < deadline) {
                HttpResponse<String> hit = http.send(HttpRequest.newBuilder(URI.create(search)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (hit.statusCode() == 200 && hit.body().contains("\"" + id.group(1) + "\"")) {
                    nanos[found++] = System.nanoTime() - sent;
                    break;
                }
                if (hit.statusCode() == 429) {
                    throw new IllegalStateException("the gateway rate-limits the search polling: run through "
                            + "./dev bench search, which raises the limits for the run");
                }
                if (hit.statusCode() != 200) {
                    throw new IllegalStateException("searching through the gateway failed: " + hit.statusCode() + " "
                            + hit.body());
                }
                Thread.sleep(5);
            }
            Thread.sleep(100); // probes one after another, not a write load
        }
        for (String posting : created) {
            close(token, posting);
        }
        return new Result(Latencies.of(nanos, found), Latencies.of(publishNanos, probes), probes, probes - found);
    }

    /** Eleven random letters: a word no other posting has, kept whole by the analyzer. */
    private static String uniqueWord(Random random) {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private HttpResponse<String> publish(String token, long run, int i, String word) throws Exception {
        String posting = "{\"title\":\"Freshness probe " + word + "\",\"description\":\"Published by ./dev bench search "
                + "to measure the time until it is found.\",\"requisitionId\":\"FRESH-" + run + "-" + i + "\","
                + "\"employmentTypes\":[\"FULL_TIME\"],\"workplaceType\":\"ON_SITE\","
                + "\"locations\":[{\"country\":\"US\",\"region\":\"TX\",\"city\":\"Austin\"}],"
                + "\"salary\":{\"currency\":\"USD\",\"min\":\"90000\",\"max\":\"120000\",\"period\":\"YEAR\"},"
                + "\"applyMethod\":{\"type\":\"DIRECT\"}}";
        return http.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/postings/batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"publish\":true,\"items\":[" + posting + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void close(String token, String posting) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(gateway + "/v1/postings/" + posting + "/close"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"CANCELLED\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // a probe left open is harmless demo data
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String token(String user) throws Exception {
        String form = "grant_type=password&client_id=jobboard-web&username=" + user + "&password=" + user;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/jobboard/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + " from " + keycloak + ": " + response.body());
        }
        return m.group(1);
    }
}

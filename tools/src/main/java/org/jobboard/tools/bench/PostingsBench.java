package org.jobboard.tools.bench;

import java.util.function.IntFunction;

import static org.jobboard.tools.bench.ClosedLoop.WARM_UP_SECONDS;
import static org.jobboard.tools.bench.ClosedLoop.run;
import static org.jobboard.tools.bench.ClosedLoop.token;

/** {@code ./dev bench postings}: drafts, and create + publish, through the gateway as the recruiter rita. */
final class PostingsBench {
    private PostingsBench() {
    }

    static void postings(String gateway, String keycloak, int concurrency, int seconds) throws Exception {
        String token = token(keycloak, "rita");
        long runId = System.currentTimeMillis();
        IntFunction<Call> createAndPublish = i -> Call.postJson(gateway, "/v1/postings/batch", token,
                "{\"publish\":true,\"items\":[" + posting(runId, i) + "]}");
        IntFunction<Call> create = i -> Call.postJson(gateway, "/v1/postings", token, posting(runId + 1, i));
        System.out.printf("postings through the gateway, %d concurrent clients, %d s per run (after a %d s warm-up)%n",
                concurrency, seconds, WARM_UP_SECONDS);
        ClosedLoop.Result drafts = run("create a draft (POST /v1/postings)", concurrency, seconds, create, 201);
        ClosedLoop.Result published = run("create + publish (batch of 1)", concurrency, seconds, createAndPublish, 200);
        drafts.print();
        published.print();
    }

    static String posting(long run, int i) {
        return "{\"title\":\"Benchmark Engineer " + i + "\",\"description\":\"Measure **everything**.\",\"requisitionId\":\"B"
                + (run % 100000) + "-" + i + "\",\"employmentTypes\":[\"FULL_TIME\"],\"workplaceType\":\"ON_SITE\","
                + "\"locations\":[{\"country\":\"US\",\"region\":\"TX\",\"city\":\"Austin\"}],"
                + "\"salary\":{\"currency\":\"USD\",\"min\":\"90000\",\"max\":\"120000\",\"period\":\"YEAR\"},"
                + "\"applyMethod\":{\"type\":\"DIRECT\"}}";
    }
}

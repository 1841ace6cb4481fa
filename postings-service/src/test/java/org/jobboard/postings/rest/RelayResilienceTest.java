package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.testing.BrokerOutage;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay with the real broker stopped and restarted: postings keep being published (the API does not
 * depend on Kafka, and neither does readiness), their events wait in the outbox (its lag gauge grows), and after the
 * restart each arrives exactly once, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class RelayResilienceTest {
    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL root;

    @Test
    void noEventIsLostOrDuplicatedAcrossABrokerRestart() {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Resilient Org"));
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.POSTINGS)) {
            List<String> ids = new ArrayList<>();
            try (BrokerOutage outage = BrokerOutage.begin(root)) {
                for (int i = 0; i < 5; i++) {
                    ids.add(PostingFixtures.createPublished(recruiter, "Written while Kafka was down " + i));
                }
                Number pending = (Number) em.createNativeQuery(
                        "select count(*) from outbox_event where published_at is null").getSingleResult();
                assertTrue(pending.intValue() >= 5, "events wait in the outbox: " + pending);
                outage.watchServiceStaysReady();
                double lag = outage.metric("jobboard_outbox_lag_seconds");
                assertTrue(lag >= 10, "the outbox lag gauge shows the waiting events: " + lag);
            }
            List<ConsumerRecord<String, String>> records = topic.await(r -> ids.contains(r.key()), 5,
                    Duration.ofSeconds(90));
            records.addAll(topic.collect(r -> ids.contains(r.key()), Duration.ofSeconds(3)));
            Map<String, Long> perPosting = records.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), perPosting,
                    "each posting's published event exactly once");
            records.forEach(r -> assertEquals(PostingEventTypes.PUBLISHED,
                    CloudEventHeaders.text(r.headers(), CloudEventHeaders.TYPE)));
            // the relay's next pass finds the outbox empty
            BrokerOutage.awaitMetric(root, "jobboard_outbox_lag_seconds", lag -> lag == 0, Duration.ofSeconds(30));
        }
    }
}

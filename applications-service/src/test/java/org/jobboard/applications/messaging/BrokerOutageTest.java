package org.jobboard.applications.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.applications.support.Db;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.BrokerOutage;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * Applying needs the database, not the broker: while Kafka is away the service stays ready (its posting consumer's
 * channel no longer counts for readiness), takes applications, and its replica catches up once the broker is back.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class BrokerOutageTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void appliesAreTakenWhileTheBrokerIsAwayAndTheReplicaCatchesUpAfterwards() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String candidate = Fixtures.newCandidate("outage");

        try (BrokerOutage outage = BrokerOutage.begin(root)) {
            Fixtures.apply(candidate, posting);
            outage.watchServiceStaysReady();
        }

        String after = Ids.newId();
        PostingEvents.send(after, Ids.newId(), "PUBLISHED", 1, "Published after the outage");
        // bounded by the consumer's rejoin after the broker restart (PostingReplicaTest.eventually)
        PostingReplicaTest.eventually(() -> Db.count("select count(*) from posting_replica where id = ?::uuid",
                after) == 1, "the posting published after the outage in the replica");
    }
}

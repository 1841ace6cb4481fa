package org.jobboard.search.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.BrokerOutage;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.search.testing.Searches;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.jobboard.search.testing.Searches.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Search answers from its own index, so once caught up it stays ready while the broker is away (a broker outage must
 * not take the API down), and indexes again when the broker is back.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class BrokerOutageTest {
    @TestHTTPResource("/")
    URL root;

    @Test
    void searchStaysReadyWhileTheBrokerIsAwayAndIndexesAgainAfterwards() {
        String organization = TestPosting.newOrganization();
        new TestPosting(organization, "Written before the outage").publish();
        Searches.awaitOrganization(organization, 1);
        IndexStatusResourceTest.awaitReady();

        try (BrokerOutage outage = BrokerOutage.begin(root)) {
            assertEquals(1, Searches.search(params("organizationId", organization)).getInt("total.value"));
            outage.watchServiceStaysReady();
        }

        new TestPosting(organization, "Written after the outage").publish();
        Searches.awaitOrganization(organization, 2);
    }
}

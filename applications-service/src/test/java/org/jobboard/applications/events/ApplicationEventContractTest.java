package org.jobboard.applications.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.applications.ApplicationEventTypes;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The producer's side of the contract: the service is driven through every change it publishes (apply, a knockout
 * apply, a recruiter's moves, a withdrawal, an erasure), and every event it really sent — read back from the
 * topics — is valid against its message's JSON Schema in contracts' applications.yaml.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class ApplicationEventContractTest {
    @Inject
    ObjectMapper json;

    @Test
    void everyEventTheServiceSendsMatchesItsContract() throws Exception {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String recruiter = TestTokens.recruiter("rita", organization);
        String candidate = Fixtures.newCandidate("contract");
        String subject = Fixtures.subjectOf(candidate);
        List<ConsumerRecord<String, String>> sent = new ArrayList<>();
        try (KafkaTestClient applications = KafkaTestClient.tail(Topics.APPLICATIONS);
                KafkaTestClient privacy = KafkaTestClient.tail(Topics.PRIVACY)) {
            String withdrawn = Fixtures.apply(candidate, posting);
            Fixtures.move(recruiter, withdrawn, "{\"to\":\"SCREENING\",\"note\":\"call back\"}").statusCode(200);
            given().auth().oauth2(candidate).post("/v1/applications/" + withdrawn + "/withdraw").then().statusCode(200);
            String knockedOut = Fixtures.applyJson(candidate, Fixtures.application(Fixtures.publishedPosting(organization),
                    "Kay Out", "kay@example.org", null, "{\"authorized\":\"NO\",\"years\":1}")).statusCode(201)
                    .extract().path("id");
            String rejected = Fixtures.apply(candidate, Fixtures.publishedPosting(organization));
            Fixtures.move(recruiter, rejected, "{\"to\":\"REJECTED\",\"reason\":\"NOT_QUALIFIED\"}").statusCode(200);
            String erased = Fixtures.apply(candidate, Fixtures.publishedPosting(organization));
            given().auth().oauth2(candidate).delete("/v1/me").then().statusCode(204);

            Set<String> ids = Set.of(withdrawn, knockedOut, rejected, erased);
            // submitted x4, stage-changed x2, withdrawn x2 (the candidate's, and the erasure's of the open one)
            sent.addAll(applications.await(r -> ids.contains(r.key()), 8, Duration.ofSeconds(30)));
            sent.addAll(privacy.await(r -> subject.equals(r.key()), 1, Duration.ofSeconds(30)));
        }

        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, String> record : sent) {
            String type = CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE);
            EventContracts.assertValid(type, json.readTree(record.value()));
            types.add(type);
        }
        assertEquals(new TreeSet<>(Set.of(ApplicationEventTypes.SUBMITTED, ApplicationEventTypes.STAGE_CHANGED,
                ApplicationEventTypes.WITHDRAWN, ApplicationEventTypes.ERASURE_REQUESTED)), types,
                "every type of the contract was sent and checked");
        assertEquals(types, contractTypes(), "the contract lists no event the service does not send");
    }

    @Test
    void theContractRefusesWhatTheServiceMustNotSend() {
        JsonNode submitted = EventContracts.examples(Topics.APPLICATIONS).get(0).data();
        ObjectNode withPersonalData = submitted.deepCopy();
        withPersonalData.put("email", "casey@example.org");
        assertThrows(AssertionError.class,
                () -> EventContracts.assertValid(ApplicationEventTypes.SUBMITTED, withPersonalData));
        ObjectNode unknownStage = submitted.deepCopy();
        unknownStage.put("stage", "ARCHIVED");
        assertThrows(AssertionError.class,
                () -> EventContracts.assertValid(ApplicationEventTypes.SUBMITTED, unknownStage));
    }

    private static Set<String> contractTypes() {
        Set<String> types = new TreeSet<>();
        for (String topic : List.of(Topics.APPLICATIONS, Topics.PRIVACY)) {
            EventContracts.examples(topic).forEach(example -> types.add(example.type()));
        }
        return types;
    }
}

package org.jobboard.search.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A posting as postings-service publishes it (full state in each event), built per test and sent to the real topic.
 * Mutable on purpose: change a field, bump the version, publish again.
 */
public final class TestPosting {
    public static final String TOPIC = Topics.POSTINGS;
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String id = Ids.newId();
    private final String organizationId;
    private String organizationName = "Test Organization";
    private String status = "PUBLISHED";
    private long version = 1;
    private String title;
    private String description = "An interesting role.";
    private String descriptionText;
    private List<String> employmentTypes = List.of("FULL_TIME");
    private String workplaceType = "ON_SITE";
    private final List<ObjectNode> locations = new ArrayList<>();
    private ObjectNode salary;
    private String seniority = "MID";
    private List<String> skills = List.of();
    private Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public TestPosting(String organizationId, String title) {
        this.organizationId = organizationId;
        this.title = title;
    }

    public static String newOrganization() {
        return Ids.newId();
    }

    public TestPosting organizationName(String name) {
        this.organizationName = name;
        return this;
    }

    public TestPosting title(String title) {
        this.title = title;
        return this;
    }

    public TestPosting description(String markdown) {
        this.description = markdown;
        return this;
    }

    /** The plain text postings-service renders from the Markdown; unset, the event carries only the Markdown. */
    public TestPosting descriptionText(String text) {
        this.descriptionText = text;
        return this;
    }

    public TestPosting employmentTypes(String... types) {
        this.employmentTypes = List.of(types);
        return this;
    }

    public TestPosting workplaceType(String type) {
        this.workplaceType = type;
        return this;
    }

    public TestPosting seniority(String seniority) {
        this.seniority = seniority;
        return this;
    }

    public TestPosting skills(String... skills) {
        this.skills = List.of(skills);
        return this;
    }

    public TestPosting location(String country, String region, String city, Double latitude, Double longitude) {
        ObjectNode location = JSON.createObjectNode().put("country", country).put("region", region).put("city", city)
                .put("postalCode", "00000");
        if (latitude != null) {
            location.put("latitude", latitude).put("longitude", longitude);
        }
        locations.add(location);
        return this;
    }

    public TestPosting salary(String currency, String min, String max, String period) {
        salary = JSON.createObjectNode().put("currency", currency).put("min", min).put("max", max).put("period", period);
        return this;
    }

    public TestPosting publishedAt(Instant at) {
        this.publishedAt = at.truncatedTo(ChronoUnit.MILLIS);
        return this;
    }

    public TestPosting status(String status) {
        this.status = status;
        return this;
    }

    public TestPosting version(long version) {
        this.version = version;
        return this;
    }

    public long version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id).put("organizationId", organizationId);
        node.putObject("organization").put("id", organizationId).put("name", organizationName)
                .put("website", "https://example.test").putNull("logoUrl");
        node.put("status", status).put("title", title).put("description", description);
        if (descriptionText != null) {
            node.put("descriptionText", descriptionText);
        }
        node.put("requisitionId", "REQ-" + id.substring(0, 8));
        ArrayNode types = node.putArray("employmentTypes");
        employmentTypes.forEach(types::add);
        node.put("workplaceType", workplaceType);
        node.putArray("locations").addAll(locations);
        node.putArray("applicantLocationRequirements");
        if (salary != null) {
            node.set("salary", salary);
        } else {
            node.putNull("salary");
        }
        node.put("seniority", seniority);
        ArrayNode skillArray = node.putArray("skills");
        skills.forEach(skillArray::add);
        node.put("category", "Engineering");
        node.putObject("applyMethod").put("type", "DIRECT").putNull("url").putArray("questions");
        node.put("validThrough", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        node.put("version", version);
        node.put("createdAt", publishedAt.toString()).put("updatedAt", Instant.now().toString());
        node.put("publishedAt", publishedAt.toString());
        node.put("somethingNew", "ignored by tolerant readers");
        return node.toString();
    }

    /** Publishes the current state as the event postings-service would send for it. */
    public TestPosting publish() {
        String type = switch (status) {
            case "PUBLISHED" -> version <= 1 ? PostingEventTypes.PUBLISHED : PostingEventTypes.UPDATED;
            case "CLOSED" -> PostingEventTypes.CLOSED;
            case "EXPIRED" -> PostingEventTypes.EXPIRED;
            default -> PostingEventTypes.UPDATED;
        };
        KafkaTestClient.publish(TOPIC, id, event(type));
        return this;
    }

    /** What postings-service publishes when the posting is deleted: a tombstone (no value), ce_type deleted. */
    public TestPosting publishTombstone() {
        KafkaTestClient.publish(TOPIC, id, new CloudEvent(Ids.newId(), PostingEventTypes.DELETED,
                "/jobboard/postings-service", "postings/" + id, Instant.now(), null));
        return this;
    }

    public CloudEvent event(String type) {
        return new CloudEvent(Ids.newId(), type, "/jobboard/postings-service", "postings/" + id, Instant.now(), json());
    }
}

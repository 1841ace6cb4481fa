package org.jobboard.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.contracts.testing.EventContracts.Example;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.index.lucene.LuceneSearchIndex;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer contract: every example postings-service documents for {@code jobboard.postings.v1} (AsyncAPI, contracts
 * module) goes through the real reader and record handling into a real index, which then shows the posting (title,
 * text, facets) or no longer does. A reader that drifts from the producer's events fails here, not in production.
 */
class PostingEventContractTest {
    private static final String UNKNOWN_ORGANIZATION = "00000000-0000-7000-8000-000000000000";

    @TestFactory
    List<DynamicTest> everyProducerExampleChangesTheIndexAsItsTypeSays() {
        List<Example> examples = new ArrayList<>(EventContracts.examples(Topics.POSTINGS));
        if (examples.stream().noneMatch(Example::isTombstone)) {
            // until the documents carry the deletion as a tombstone example: the deleted example's headers, no value
            Example deleted = examples.stream().filter(e -> e.type().equals(PostingEventTypes.DELETED)).findFirst()
                    .orElseThrow();
            examples.add(new Example(deleted.document(), "deleted-tombstone", deleted.topic(), deleted.type(),
                    deleted.key(), deleted.headers(), null));
        }
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> check(e))).toList();
    }

    private static void check(Example example) throws Exception {
        Path directory = Files.createTempDirectory("search-contract-test");
        List<Exception> deadLettered = new ArrayList<>();
        try (LuceneSearchIndex index = LocalIndexes.open(directory)) {
            PostingRecords records = new PostingRecords(index, new PostingEventMapper(LocalIndexes.JSON),
                    (record, cause) -> deadLettered.add(cause));
            String id = postingId(example);
            // the posting is in search before the example arrives (an older version), so a removal shows
            assertEquals(PostingRecords.Outcome.APPLIED, records.handle(record(published(id), 0)));
            index.refresh();
            assertEquals(1, everything(index).total());

            PostingRecords.Outcome outcome = records.handle(record(example, 1));
            index.refresh();
            assertEquals(List.of(), deadLettered, "dead-lettered");
            assertEquals(PostingRecords.Outcome.APPLIED, outcome);
            if (example.isTombstone()) {
                assertEquals(0, everything(index).total(), "a tombstone removes the posting");
                assertEquals(0, index.stats().tombstones(), "and forgets its version");
            } else if (isOpen(example)) {
                assertShown(index, id, example.data());
            } else {
                assertEquals(0, everything(index).total(), example.data().path("status").asText() + " is not searchable");
                assertEquals(1, index.stats().tombstones());
            }
        } finally {
            SearchIndexTestResource.deleteRecursively(directory);
        }
    }

    private static void assertShown(LuceneSearchIndex index, String id, JsonNode data) {
        SearchResult all = everything(index);
        assertEquals(1, all.total());
        assertEquals(id, all.hits().get(0).posting().id());
        assertEquals(data.path("title").asText(), all.hits().get(0).posting().title());
        assertEquals(data.path("version").asLong(), all.hits().get(0).posting().version());

        String word = descriptionWord(data);
        SearchResult byText = index.search(query(word));
        assertEquals(1, byText.total(), "found by its description: " + word);
        assertNotNull(byText.hits().get(0).highlights().description(), "description highlighted");
        assertTrue(byText.hits().get(0).highlights().description().contains("<em>"));

        Facets facets = all.facets();
        assertEquals(strings(data.path("employmentTypes")), values(facets.employmentType()));
        assertEquals(Set.of(data.path("workplaceType").asText()), values(facets.workplaceType()));
        assertEquals(Set.of(data.path("seniority").asText()), values(facets.seniority()));
        assertEquals(strings(data.path("skills")), values(facets.skills()));
        assertEquals(Set.of(data.path("organization").path("name").asText()),
                facets.organization().stream().map(Facets.FacetValue::label).collect(Collectors.toSet()));
        // each facet value is one the search filters accept
        facets.employmentType().forEach(v -> EmploymentType.valueOf(v.value()));
    }

    /** A word of the plain-text description (the Markdown for events older than descriptionText) not in the title. */
    private static String descriptionWord(JsonNode data) {
        String text = data.hasNonNull("descriptionText") ? data.get("descriptionText").asText()
                : data.path("description").asText();
        String title = data.path("title").asText().toLowerCase(Locale.ROOT);
        return Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> w.length() >= 4)
                .filter(w -> !title.contains(w.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new AssertionError("no word to search for in " + text));
    }

    private static boolean isOpen(Example example) {
        return !example.type().equals(PostingEventTypes.DELETED)
                && PostingStatus.PUBLISHED.name().equals(example.data().path("status").asText());
    }

    /** The posting an example is about: its data's id, or for a tombstone the id its ce_subject names. */
    private static String postingId(Example example) {
        if (!example.isTombstone()) {
            return example.data().path("id").asText();
        }
        String subject = example.headers().get("ce_subject");
        assertTrue(subject != null && subject.startsWith("postings/"), "a tombstone names its posting: " + subject);
        return subject.substring("postings/".length());
    }

    /** The first open example of the documents, as an older version of posting {@code id}. */
    private static Example published(String id) {
        Example open = EventContracts.examples(Topics.POSTINGS).stream()
                .filter(e -> !e.isTombstone() && isOpen(e)).findFirst().orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode data = open.data().deepCopy();
        data.put("id", id).put("version", -1);
        return new Example(open.document(), open.name(), open.topic(), open.type(), open.key(), open.headers(), data);
    }

    /** The example as the consumer receives it: key = posting id, ce_* headers, the JSON data or no value at all. */
    private static ConsumerRecord<String, String> record(Example example, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.POSTINGS, 0, offset, postingId(example),
                example.isTombstone() ? null : example.data().toString());
        example.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static SearchResult everything(LuceneSearchIndex index) {
        return index.search(query(null));
    }

    private static PostingQuery query(String text) {
        return new PostingQuery(text, null, null, null, null, null, null, null, null, null, null, null, null, null,
                SortOrder.RELEVANCE, 20, null);
    }

    private static Set<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static Set<String> values(List<Facets.FacetValue> facet) {
        return facet.stream().map(Facets.FacetValue::value).collect(Collectors.toSet());
    }
}

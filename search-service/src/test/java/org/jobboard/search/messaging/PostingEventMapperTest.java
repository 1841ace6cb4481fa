package org.jobboard.search.messaging;

import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders.MalformedEventException;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingEventMapperTest {
    private final PostingEventMapper mapper = new PostingEventMapper(LocalIndexes.JSON);

    @Test
    void publishedPostingsAreUpsertedWithTheirPlainTextDescription() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Senior Java Developer")
                .description("## Role\n\nYou **write** Java.")
                .descriptionText("Role\n\n\nYou write   Java & Kotlin.\nRemote.");
        PostingChange change = mapper.map(posting.event(PostingEventTypes.PUBLISHED));
        PostingChange.Upsert upsert = assertInstanceOf(PostingChange.Upsert.class, change);
        // taken as sent, only spaces and blank lines collapsed
        assertEquals("Role\nYou write Java & Kotlin.\nRemote.", upsert.posting().descriptionText());
        assertEquals("Test Organization", upsert.posting().summary().organization().name());
        assertEquals(1, upsert.posting().version());
    }

    @Test
    void olderEventsWithoutDescriptionTextFallBackToTheMarkdownAndNeverReadHtml() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Writer")
                .description("## Role\n\nYou **write** [docs](https://x.test).");
        String olderShape = posting.json().replace("\"description\":",
                "\"descriptionHtml\":\"<p>only <b>HTML</b> here</p>\",\"description\":");
        PostingChange.Upsert upsert = assertInstanceOf(PostingChange.Upsert.class, mapper.map(event(olderShape)));
        assertEquals("Role\nYou write \"docs\" (https://x.test).", upsert.posting().descriptionText());
    }

    @Test
    void everyOtherStatusAndDeletionsRemove() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Anything");
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(2).status("CLOSED")
                .event(PostingEventTypes.CLOSED)));
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(3).status("EXPIRED")
                .event(PostingEventTypes.EXPIRED)));
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(4).status("PUBLISHED")
                .event(PostingEventTypes.DELETED)));
        assertNull(mapper.map(new CloudEvent("e", "jobboard.organization.updated.v1", "/x", null, Instant.now(), "{}")));
    }

    @Test
    void aTombstoneForgetsThePostingItsKeyOrSubjectNames() {
        assertEquals(new PostingChange.Forget("p1"), mapper.tombstone("p1", "postings/p1"));
        assertEquals(new PostingChange.Forget("p2"), mapper.tombstone(null, "postings/p2"));
        assertNull(mapper.tombstone(null, null));
        assertEquals(new PostingChange.Forget("p3"), mapper.map(new CloudEvent("e", PostingEventTypes.DELETED,
                "/jobboard/postings-service", "postings/p3", Instant.now(), null)));
    }

    @Test
    void unusableEventsArePoison() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Poison");
        assertThrows(MalformedEventException.class, () -> mapper.map(event("{not json")));
        assertThrows(MalformedEventException.class, () -> mapper.map(event(posting.json().replace("\"version\":1", "\"version\":null"))));
        assertThrows(MalformedEventException.class, () -> mapper.map(event(
                posting.location("US", "CO", "Nowhere", 123.0, 0.0).json())));
        assertThrows(MalformedEventException.class, () -> mapper.map(event(
                new TestPosting(TestPosting.newOrganization(), "Bad pay").salary("USD", "lots", null, "YEAR").json())));
        assertThrows(MalformedEventException.class, () -> mapper.map(event(
                new TestPosting(TestPosting.newOrganization(), "Odd pay").salary("USD", "10", null, "FORTNIGHT").json())));
        assertThrows(MalformedEventException.class, () -> mapper.map(event(posting.json().replace("\"title\":\"Poison\"", "\"title\":\" \""))));
    }

    private static CloudEvent event(String data) {
        return new CloudEvent("e", PostingEventTypes.PUBLISHED, "/jobboard/postings-service", null, Instant.now(), data);
    }
}

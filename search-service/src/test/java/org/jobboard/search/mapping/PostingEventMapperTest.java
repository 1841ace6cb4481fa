package org.jobboard.search.mapping;

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
    void publishedPostingsAreUpsertedWithPlainTextDescriptions() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Senior Java Developer")
                .description("## Role\n\nYou **write** Java.")
                .descriptionHtml("<h2>Role</h2><p>You <b>write</b> Java &amp; Kotlin.<br>Remote.</p><script>x()</script>");
        PostingChange change = mapper.map(posting.event("jobboard.posting.published.v1"));
        PostingChange.Upsert upsert = assertInstanceOf(PostingChange.Upsert.class, change);
        // markup and script content are gone; block elements and line breaks separate lines
        assertEquals("Role\nYou write Java & Kotlin.\nRemote.", upsert.posting().descriptionText());
        assertEquals("Test Organization", upsert.posting().summary().organization().name());
        assertEquals(1, upsert.posting().version());
    }

    @Test
    void markdownIsUsedWhenThereIsNoHtml() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Writer")
                .description("## Role\n\nYou **write** [docs](https://x.test).");
        PostingChange.Upsert upsert = assertInstanceOf(PostingChange.Upsert.class,
                mapper.map(posting.event("jobboard.posting.published.v1")));
        assertEquals("Role\nYou write \"docs\" (https://x.test).", upsert.posting().descriptionText());
    }

    @Test
    void everyOtherStatusAndDeletionsRemove() {
        TestPosting posting = new TestPosting(TestPosting.newOrganization(), "Anything");
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(2).status("CLOSED")
                .event("jobboard.posting.closed.v1")));
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(3).status("EXPIRED")
                .event("jobboard.posting.expired.v1")));
        assertInstanceOf(PostingChange.Remove.class, mapper.map(posting.version(4).status("PUBLISHED")
                .event("jobboard.posting.deleted.v1")));
        assertNull(mapper.map(new CloudEvent("e", "jobboard.organization.updated.v1", "/x", null, Instant.now(), "{}")));
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
        assertThrows(MalformedEventException.class, () -> mapper.map(event(posting.json().replace("\"title\":\"Poison\"", "\"title\":\" \""))));
    }

    private static CloudEvent event(String data) {
        return new CloudEvent("e", "jobboard.posting.published.v1", "/jobboard/postings-service", null, Instant.now(), data);
    }
}

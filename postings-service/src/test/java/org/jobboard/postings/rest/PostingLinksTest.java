package org.jobboard.postings.rest;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingLinksTest {
    private static final UUID ID = UUID.fromString("0193e0a0-0000-7000-8000-000000000001");

    @Test
    void withoutAJobPageTheApiUrlIsTheLink() {
        assertEquals("https://api.example.com/v1/postings/" + ID,
                new PostingLinks("https://api.example.com/", Optional.empty()).jobPage(ID));
    }

    @Test
    void theFrontEndsJobPageIsUsedWhenConfigured() {
        assertEquals("https://jobs.example.com/jobs/" + ID + "?src=feed",
                new PostingLinks("https://api.example.com", Optional.of("https://jobs.example.com/jobs/{id}?src=feed"))
                        .jobPage(ID));
    }

    @Test
    void aTemplateThatWouldPublishBrokenLinksIsRefused() {
        for (String wrong : new String[] { "https://jobs.example.com/jobs/", "/jobs/{id}", "ftp://x.example/{id}",
                "https://jobs example.com/{id}" }) {
            assertThrows(IllegalArgumentException.class, () -> new PostingLinks("https://api.example.com", Optional.of(wrong)),
                    wrong);
        }
    }
}

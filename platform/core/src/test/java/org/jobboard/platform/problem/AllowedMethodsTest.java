package org.jobboard.platform.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedMethodsTest {
    @Test
    void templatesMatchTheirPaths() {
        assertTrue(AllowedMethods.regex("/v1/postings/{id}").matcher("/v1/postings/abc").matches());
        assertTrue(AllowedMethods.regex("/v1/postings/").matcher("/v1/postings").matches());
        assertTrue(AllowedMethods.regex("/v1/postings//{id}/publish").matcher("/v1/postings/abc/publish/").matches());
        assertFalse(AllowedMethods.regex("/v1/postings/{id}").matcher("/v1/postings/abc/publish").matches());
        assertTrue(AllowedMethods.regex("/v1/feeds/jobs.xml").matcher("/v1/feeds/jobs.xml").matches());
        assertFalse(AllowedMethods.regex("/v1/feeds/jobs.xml").matcher("/v1/feeds/jobsxxml").matches());
        assertTrue(AllowedMethods.regex("/files/{name: [a-z]{2,3}}").matcher("/files/abc").matches());
        assertFalse(AllowedMethods.regex("/files/{name: [a-z]{2,3}}").matcher("/files/abcd").matches());
    }
}

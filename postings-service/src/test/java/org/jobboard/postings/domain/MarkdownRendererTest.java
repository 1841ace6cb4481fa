package org.jobboard.postings.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The description's two renderings: safe HTML for pages and feeds, plain text for search. */
class MarkdownRendererTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void plainTextHasTheWordsWithoutMarkdownOrHtmlMarkup() {
        assertEquals("Role\nBuild things with Java.", markdown.toPlainText("## Role\nBuild things with **Java**."));
        assertEquals("Bold and more", markdown.toPlainText("<b>Bold</b> and <i>more</i>"));
        assertEquals("Intro\nkept", markdown.toPlainText("Intro\n\n<div onclick=\"x()\">kept <script>x()</script></div>"));
        assertNull(markdown.toPlainText("  "));
    }

    @Test
    void htmlIsSanitized() {
        String html = markdown.toSafeHtml("Hi <script>alert(1)</script> [x](javascript:alert(1))");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
    }
}

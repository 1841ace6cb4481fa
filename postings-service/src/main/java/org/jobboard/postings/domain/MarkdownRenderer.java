package org.jobboard.postings.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown to HTML that is safe to embed: raw HTML in the Markdown is escaped, and the output passes an allow-list
 * (no script, no event handlers, no javascript: links; links get rel="nofollow noopener").
 */
@ApplicationScoped
public class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Safelist safelist = Safelist.relaxed()
            .removeTags("img")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, safelist);
    }
}

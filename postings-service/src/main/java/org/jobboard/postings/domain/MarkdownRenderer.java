package org.jobboard.postings.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;

/**
 * A posting's description is Markdown as the recruiter wrote it; this renders it for readers. HTML is safe to embed:
 * raw HTML in the Markdown is escaped, and the output passes an allow-list (no script, no event handlers, no
 * javascript: links; links get rel="nofollow noopener"). Plain text is what search indexes: the words without
 * Markdown syntax and without HTML markup.
 */
@ApplicationScoped
public class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer textRenderer = TextContentRenderer.builder().build();
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

    public String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        Node document = parser.parse(markdown);
        withoutHtmlMarkup(document);
        return textRenderer.render(document).strip();
    }

    /** Raw HTML keeps its text (a block) or nothing (an inline tag such as {@code <b>}); never its markup. */
    private static void withoutHtmlMarkup(Node document) {
        List<Node> html = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                html.add(node);
            }

            @Override
            public void visit(HtmlBlock node) {
                html.add(node);
            }
        });
        for (Node node : html) {
            if (node instanceof HtmlBlock block) {
                String text = Jsoup.parse(block.getLiteral()).text();
                if (!text.isBlank()) {
                    Paragraph paragraph = new Paragraph();
                    paragraph.appendChild(new Text(text));
                    node.insertBefore(paragraph);
                }
            }
            node.unlink();
        }
    }
}

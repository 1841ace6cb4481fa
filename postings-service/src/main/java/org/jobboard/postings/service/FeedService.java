package org.jobboard.postings.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.mapping.MarkdownRenderer;
import org.jobboard.postings.mapping.PostingMapper;
import org.jobboard.postings.mapping.XmlText;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.postings.repository.FeedRepository;
import org.jobboard.postings.repository.OrganizationRepository;
import org.jobboard.postings.rest.PostingView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Feeds for job aggregators: the XML feed of all published postings and the change feed for incremental sync. */
@ApplicationScoped
public class FeedService {
    private static final int BATCH = 500;
    /** How long a change must be old before the change feed serves it (see FeedRepository#changedAfter). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    @Inject
    FeedRepository feeds;

    @Inject
    OrganizationRepository organizations;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    PostingMapper mapper;

    @Inject
    PostingsConfig config;

    @Inject
    org.jobboard.postings.mapping.PostingLinks links;

    @Inject
    CursorCodec cursors;

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeedRepository.FeedVersion version() {
        return feeds.version();
    }

    /**
     * Writes the Indeed-style XML feed, batch by batch (each batch its own short read), so neither memory nor a
     * long transaction grows with the number of postings.
     */
    public void writeXml(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("source");
        element(xml, "publisher", "Jobboard");
        element(xml, "publisherurl", config.publicBaseUrl());
        element(xml, "lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)));
        Map<UUID, Organization> orgs = new HashMap<>();
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Posting> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Posting> rows = feeds.publishedAfter(from, BATCH);
                rows.forEach(p -> orgs.computeIfAbsent(p.organizationId, organizations::findById));
                return rows;
            });
            for (Posting posting : batch) {
                writeJob(xml, posting, orgs.get(posting.organizationId));
            }
            xml.flush();
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).id;
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private void writeJob(XMLStreamWriter xml, Posting posting, Organization organization) throws XMLStreamException {
        xml.writeStartElement("job");
        cdata(xml, "title", posting.title);
        element(xml, "date", DateTimeFormatter.RFC_1123_DATE_TIME.format(posting.publishedAt.atOffset(ZoneOffset.UTC)));
        element(xml, "referencenumber", posting.id.toString());
        if (posting.requisitionId != null) {
            element(xml, "requisitionid", posting.requisitionId);
        }
        element(xml, "url", links.jobPage(posting.id));
        cdata(xml, "company", organization == null ? "" : organization.name);
        Location location = posting.locations.isEmpty() ? null : posting.locations.get(0);
        element(xml, "city", location == null || location.city() == null ? "" : location.city());
        element(xml, "state", location == null || location.region() == null ? "" : location.region());
        element(xml, "country", location == null ? "" : location.country());
        element(xml, "postalcode", location == null || location.postalCode() == null ? "" : location.postalCode());
        if (posting.workplaceType != null && posting.workplaceType.name().equals("REMOTE")) {
            element(xml, "remotetype", "Fully remote");
        }
        String html = markdown.toSafeHtml(posting.description);
        cdata(xml, "description", html == null ? "" : html);
        if (posting.salary != null) {
            element(xml, "salary", salaryText(posting));
        }
        element(xml, "jobtype", posting.employmentTypes.stream()
                .map(t -> t.name().toLowerCase().replace("_", "")).reduce((a, b) -> a + ", " + b).orElse(""));
        if (posting.validThrough != null) {
            element(xml, "expirationdate", posting.validThrough.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        xml.writeEndElement();
    }

    private static String salaryText(Posting posting) {
        var salary = posting.salary;
        String range = salary.min() != null && salary.max() != null
                ? salary.min().toPlainString() + " - " + salary.max().toPlainString()
                : salary.min() != null ? "from " + salary.min().toPlainString() : "up to " + salary.max().toPlainString();
        return salary.currency() + " " + range + " per " + salary.period().name().toLowerCase();
    }

    // every text goes through XmlText.clean: a stored character XML 1.0 forbids would break the whole feed

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    private static void cdata(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        // "]]>" cannot appear inside CDATA: split it across two sections
        xml.writeCData(XmlText.clean(text).replace("]]>", "]]]]><![CDATA[>"));
        xml.writeEndElement();
    }

    public enum ChangeType { PUBLISHED, UPDATED, CLOSED, EXPIRED }

    /** One entry of the change feed: the posting's latest state (full when public, otherwise its id and status). */
    public record Change(@Schema(format = "uuid", maxLength = 36) String id, ChangeType change, PostingStatus status,
            @Schema(minimum = "0") long version, Instant changedAt,
            @Schema(description = "The posting as published; null unless its status is PUBLISHED (then only id and "
                    + "status tell what happened)", nullable = true) PostingView posting) {
    }

    /** Changes in commit order since the cursor (from the beginning without one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Change> changes(String cursor, int limit) {
        CursorCodec.Position after = cursors.position("changes", cursor);
        List<Posting> rows = feeds.changedAfter(after == null ? null : after.time(), after == null ? null : after.id(),
                Instant.now().minus(SETTLE), limit);
        Map<UUID, Organization> orgs = new HashMap<>();
        List<Change> items = rows.stream().map(p -> {
            ChangeType type = switch (p.status) {
                case CLOSED -> ChangeType.CLOSED;
                case EXPIRED -> ChangeType.EXPIRED;
                default -> p.publishedAt != null && p.publishedAt.equals(p.updatedAt) ? ChangeType.PUBLISHED
                        : ChangeType.UPDATED;
            };
            PostingView view = p.status == PostingStatus.PUBLISHED
                    ? mapper.toView(p, orgs.computeIfAbsent(p.organizationId, organizations::findById)) : null;
            return new Change(p.id.toString(), type, p.status, p.version, p.updatedAt, view);
        }).toList();
        // the cursor always moves to the last entry served, so a client polls with the same cursor until news arrive
        String next = rows.isEmpty() ? cursor
                : cursors.encode("changes", List.of(rows.get(rows.size() - 1).updatedAt.toString(),
                        rows.get(rows.size() - 1).id.toString()));
        return new Page<>(items, next);
    }
}

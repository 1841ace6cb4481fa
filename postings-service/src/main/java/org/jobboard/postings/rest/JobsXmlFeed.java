package org.jobboard.postings.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.MarkdownRenderer;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.service.FeedService;
import org.jobboard.postings.service.PostingDetails;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Indeed-style XML feed of all published postings, written batch by batch as it streams out. */
@ApplicationScoped
public class JobsXmlFeed {
    private static final int BATCH = 500;

    @Inject
    FeedService feeds;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    PostingLinks links;

    @Inject
    PostingsConfig config;

    @Inject
    Clock clock;

    public void write(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("source");
        element(xml, "publisher", "Jobboard");
        element(xml, "publisherurl", config.publicBaseUrl());
        element(xml, "lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
        Map<UUID, Organization> organizations = new HashMap<>();
        UUID after = null;
        while (true) {
            List<PostingDetails> batch = feeds.publishedAfter(after, BATCH, organizations);
            for (PostingDetails posting : batch) {
                writeJob(xml, posting.posting(), posting.organization());
            }
            xml.flush();
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).posting().id;
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
}

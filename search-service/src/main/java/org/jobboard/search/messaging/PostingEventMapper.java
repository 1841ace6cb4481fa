package org.jobboard.search.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders.MalformedEventException;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a posting event into an index change (the tolerant reader of postings-service's events). Published postings
 * are upserted, every other status (closed, expired, draft) and deletions with data remove the posting, and a
 * tombstone (a record without a value) forgets it. An event that cannot be indexed faithfully (no id, version or
 * status, malformed amounts or coordinates) is a {@link MalformedEventException}: the consumer dead-letters it.
 */
public final class PostingEventMapper {
    private static final String TYPE_PREFIX = "jobboard.posting.";
    private static final String SUBJECT_PREFIX = "postings/";
    /** Descriptions are indexed up to this length; the rest adds little to relevance and much to snippets' cost. */
    static final int MAX_DESCRIPTION_CHARS = 20_000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n[\\s\\n]*");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

    private final ObjectReader reader;
    private final Parser markdown = Parser.builder().build();
    private final TextContentRenderer plainText = TextContentRenderer.builder().build();

    public PostingEventMapper(ObjectMapper json) {
        this.reader = json.readerFor(PostingEventData.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A record without a value: compaction removes the key, so the posting is forgotten. Its id is the record key
     * (the posting id), else the {@code ce_subject} header; such a record is never poison.
     *
     * @return the change, or {@code null} when the record names no posting
     */
    public PostingChange tombstone(String key, String subject) {
        if (!blank(key)) {
            return new PostingChange.Forget(key);
        }
        if (subject != null && subject.startsWith(SUBJECT_PREFIX) && subject.length() > SUBJECT_PREFIX.length()) {
            return new PostingChange.Forget(subject.substring(SUBJECT_PREFIX.length()));
        }
        return null;
    }

    /** @return the change, or {@code null} when the event is of another kind (not for the index) */
    public PostingChange map(CloudEvent event) {
        if (!event.type().startsWith(TYPE_PREFIX)) {
            return null;
        }
        if (event.data() == null) {
            return tombstone(null, event.subject());
        }
        PostingEventData data;
        try {
            data = reader.readValue(event.data());
        } catch (IOException e) {
            throw new MalformedEventException("posting event " + event.id() + " is not a posting (invalid JSON)");
        }
        if (data == null || blank(data.id()) || data.version() == null || blank(data.status())) {
            throw new MalformedEventException("posting event " + event.id() + " lacks id, version or status");
        }
        if (PostingEventTypes.DELETED.equals(event.type()) || !PostingStatus.PUBLISHED.name().equals(data.status())) {
            return new PostingChange.Remove(data.id(), data.version());
        }
        return new PostingChange.Upsert(indexed(event, data));
    }

    private IndexedPosting indexed(CloudEvent event, PostingEventData data) {
        String organizationId = data.organizationId() != null ? data.organizationId()
                : data.organization() == null ? null : data.organization().id();
        if (blank(data.title()) || blank(organizationId)) {
            throw new MalformedEventException("published posting " + data.id() + " lacks a title or organization");
        }
        PostingSummary.Organization organization = data.organization() == null
                ? new PostingSummary.Organization(organizationId, null, null)
                : new PostingSummary.Organization(organizationId, data.organization().name(),
                        data.organization().logoUrl());
        List<PostingSummary.Location> locations = data.locations() == null ? List.of() : data.locations();
        for (PostingSummary.Location location : locations) {
            checkCoordinates(event, location);
        }
        PostingSummary summary = new PostingSummary(data.id(), data.title().strip(), organization,
                data.employmentTypes() == null ? List.of() : data.employmentTypes(), data.workplaceType(),
                data.seniority(), locations, salary(event, data.salary()),
                data.skills() == null ? List.of() : data.skills(), data.category(),
                data.publishedAt() != null ? data.publishedAt() : data.updatedAt(), data.validThrough(),
                data.version());
        return new IndexedPosting(summary, description(data));
    }

    private static void checkCoordinates(CloudEvent event, PostingSummary.Location location) {
        if (location == null) {
            throw new MalformedEventException("posting event " + event.id() + " has an empty location");
        }
        if ((location.latitude() == null) != (location.longitude() == null)
                || location.hasCoordinates() && (Math.abs(location.latitude()) > 90 || Math.abs(location.longitude()) > 180
                        || location.latitude().isNaN() || location.longitude().isNaN())) {
            throw new MalformedEventException("posting event " + event.id() + " has invalid coordinates");
        }
    }

    private static PostingSummary.Salary salary(CloudEvent event, PostingSummary.Salary salary) {
        if (salary == null) {
            return null;
        }
        try {
            if (salary.currency() == null || !CURRENCY.matcher(salary.currency().toUpperCase(Locale.ROOT)).matches()) {
                throw new NumberFormatException("currency");
            }
            if (salary.period() != null) {
                SalaryPeriod.valueOf(salary.period()); // an unknown period cannot be annualized for salary filters
            }
            if (salary.min() != null) {
                new BigDecimal(salary.min());
            }
            if (salary.max() != null) {
                new BigDecimal(salary.max());
            }
            return new PostingSummary.Salary(salary.currency().toUpperCase(Locale.ROOT), salary.min(), salary.max(),
                    salary.period());
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new MalformedEventException("posting event " + event.id() + " has an invalid salary");
        }
    }

    /**
     * The description as plain text: {@code descriptionText} as postings-service rendered it; for older events without
     * it, the Markdown rendered to text here (CommonMark's text renderer: markup gone, links as "text" (url)). Never
     * HTML. Runs of spaces collapse and blank lines become single line breaks, so highlights stay compact.
     */
    String description(PostingEventData data) {
        String text;
        if (!blank(data.descriptionText())) {
            text = data.descriptionText();
        } else if (!blank(data.description())) {
            text = plainText.render(markdown.parse(data.description()));
        } else {
            return "";
        }
        text = BLANK_LINES.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("\n").strip();
        return text.length() > MAX_DESCRIPTION_CHARS ? text.substring(0, MAX_DESCRIPTION_CHARS) : text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

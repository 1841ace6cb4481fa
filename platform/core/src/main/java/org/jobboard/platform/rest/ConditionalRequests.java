package org.jobboard.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.jobboard.platform.concurrency.EntityTagList;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Conditional reads as RFC 9110 section 13 defines them: If-None-Match with weak comparison, If-Modified-Since. A field
 * that does not parse is ignored (a 200), never a 500. Writes check If-Match with {@link org.jobboard.platform.concurrency.IfMatch} (strong comparison).
 * The caller passes the current time (from its injected Clock), so tests can move it.
 */
public final class ConditionalRequests {

    /** After the weekday, which is not checked: the two-digit year would check it against the wrong century. */
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US);
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US);

    private ConditionalRequests() {
    }

    /**
     * True when a GET may answer 304 Not Modified: If-None-Match names the current tag (weak comparison) or is
     * {@code *}; without If-None-Match, If-Modified-Since is at or after the last modification. Every header line
     * counts (a list may be split across lines); an If-Modified-Since that is not one valid HTTP date is ignored.
     */
    public static boolean notModified(HttpHeaders headers, EntityTag current, Instant lastModified, Instant now) {
        List<String> ifNoneMatch = headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
            return noneMatchFails(String.join(",", ifNoneMatch), current);
        }
        if (lastModified == null) {
            return false;
        }
        List<String> ifModifiedSince = headers.getRequestHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || ifModifiedSince.size() != 1) {
            return false; // RFC 9110 13.1.3: more than one member is invalid, so ignored
        }
        Instant since = httpDate(ifModifiedSince.get(0), now);
        // a date later than our clock is invalid (RFC 7232 3.3): serving the body is always safe
        return since != null && !since.isAfter(now) && !lastModified.isAfter(since);
    }

    /** If-None-Match with the resource's tag only (no modification date, so no clock either). */
    public static boolean notModified(HttpHeaders headers, EntityTag current) {
        List<String> ifNoneMatch = headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null && !ifNoneMatch.isEmpty() && noneMatchFails(String.join(",", ifNoneMatch), current);
    }

    /** True when If-None-Match names the current tag (weak comparison: W/ ignored on both sides) or is "*". */
    static boolean noneMatchFails(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (EntityTagList.Tag tag : EntityTagList.parse(ifNoneMatch)) {
            if (tag.opaque().equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An HTTP date in any of the three formats recipients must accept (RFC 9110 5.6.7), or null. {@code now} places
     * the two-digit years of RFC 850 dates.
     */
    static Instant httpDate(String value, Instant now) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        for (DateTimeFormatter format : List.of(IMF_FIXDATE, ASCTIME)) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        int comma = text.indexOf(", ");
        if (comma < 0) {
            return null;
        }
        try {
            return rfc850(LocalDateTime.parse(text.substring(comma + 2), RFC_850), now);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * RFC 850 dates carry a two-digit year: one that would lie more than 50 years ahead means the most recent past
     * year with the same last two digits (RFC 9110 5.6.7). The formatter's "yy" reads 2000-2099; move it.
     */
    private static Instant rfc850(LocalDateTime parsed, Instant now) {
        int currentYear = now.atOffset(ZoneOffset.UTC).getYear();
        int twoDigits = parsed.getYear() % 100;
        int year = currentYear - Math.floorMod(currentYear, 100) + twoDigits;
        if (year > currentYear + 50) {
            year -= 100;
        } else if (year <= currentYear - 50) {
            year += 100;
        }
        return parsed.withYear(year).toInstant(ZoneOffset.UTC);
    }
}

package org.jobboard.postings.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.rest.Etags;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conditional requests as RFC 9110 section 13 defines them: If-Match with strong comparison for writes, If-None-Match
 * with weak comparison and If-Modified-Since for reads. A field that does not parse is ignored (a 200), never a 500.
 * It completes platform's {@link Etags} (whose If-Match check compares weakly) and belongs next to it once every
 * service uses it.
 */
public final class ConditionalRequests {
    /** An entity-tag as sent: weak or strong, and its opaque value without the quotes. */
    record Tag(boolean weak, String opaque) {
    }

    /** After the weekday, which is not checked: the two-digit year would check it against the wrong century. */
    private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US);
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US);

    private ConditionalRequests() {
    }

    /** For PATCH/PUT/DELETE: 428 without If-Match, 412 unless it names the current version (strong comparison). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        checkMatch(ifMatch, currentVersion);
    }

    /**
     * For commands (publish, close...): If-Match is optional, but when sent it must match. Strong comparison: a weak
     * tag ({@code W/"3"}) never matches, since it only promises an equivalent representation, not the same version.
     */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (Tag tag : parseTags(ifMatch)) {
            if (!tag.weak() && tag.opaque().equals(current)) {
                return;
            }
        }
        throw ApiException.preconditionFailed("the resource changed since you read it (current ETag \""
                + currentVersion + "\"; a weak W/ tag never matches); read it again and retry");
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
        Instant since = httpDate(ifModifiedSince.get(0));
        // a date later than our clock is invalid (RFC 7232 3.3): serving the body is always safe
        return since != null && !since.isAfter(now) && !lastModified.isAfter(since);
    }

    /** If-None-Match with the resource's tag only (no modification date). */
    public static boolean notModified(HttpHeaders headers, EntityTag current) {
        return notModified(headers, current, null, Instant.now());
    }

    /** True when If-None-Match names the current tag (weak comparison: W/ ignored on both sides) or is "*". */
    static boolean noneMatchFails(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (Tag tag : parseTags(ifNoneMatch)) {
            if (tag.opaque().equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The members of an entity-tag list ({@code "1", W/"2"}). Quoted tags may contain commas. A bare token is taken
     * as a strong tag (hand-written clients often omit the quotes); an unterminated quote ends the list.
     */
    static List<Tag> parseTags(String header) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            if (weak) {
                i += 2;
            }
            if (i < length && header.charAt(i) == '"') {
                int end = header.indexOf('"', i + 1);
                if (end < 0) {
                    break;
                }
                tags.add(new Tag(weak, header.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = header.indexOf(',', i);
                end = end < 0 ? length : end;
                String token = header.substring(i, end).strip();
                if (!token.isEmpty()) {
                    tags.add(new Tag(weak, token));
                }
                i = end;
            }
        }
        return tags;
    }

    /** An HTTP date in any of the three formats recipients must accept (RFC 9110 5.6.7), or null. */
    static Instant httpDate(String value) {
        return httpDate(value, Instant.now());
    }

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

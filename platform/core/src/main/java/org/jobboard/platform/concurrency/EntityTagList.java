package org.jobboard.platform.concurrency;

import java.util.ArrayList;
import java.util.List;

/** An entity-tag list as sent in If-Match / If-None-Match (RFC 9110 8.8.3): {@code "1", W/"2"}. */
public final class EntityTagList {
    /** One member: weak or strong, and its opaque value without the quotes. */
    public record Tag(boolean weak, String opaque) {
    }

    private EntityTagList() {
    }

    /**
     * The members of the list. Quoted tags may contain commas. A bare token is taken as a strong tag (hand-written
     * clients often omit the quotes); an unterminated quote ends the list.
     */
    public static List<Tag> parse(String header) {
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
}

package org.jobboard.platform.input;

/**
 * What text input may contain: no control characters except tab, line feed and carriage return (PostgreSQL cannot
 * store NUL, XML 1.0 forbids the C0 controls, and none of them belongs in a title or a name), no unpaired surrogate
 * and no U+FFFE/U+FFFF (neither is a character). Checked on every JSON string, map key, query parameter and path
 * parameter, so the common case (plain text) must stay one cheap pass over the characters.
 */
public final class TextRules {
    public static final String CONTROL_CHARACTERS = "must not contain control characters";
    public static final String INVALID_UNICODE = "must be valid Unicode text";

    private TextRules() {
    }

    /** Null when {@code text} is acceptable, otherwise what is wrong with it (a message for a field error). */
    public static String violation(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII, by far the most common
            }
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c <= 0x9f) {
                return CONTROL_CHARACTERS; // C0 (but tab, LF, CR), DEL and C1
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return INVALID_UNICODE;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return INVALID_UNICODE;
            }
        }
        return null;
    }
}

package org.jobboard.postings.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that stays inert inside an HTML {@code <script>} element: JSON-LD is embedded so, and a title holding
 * {@code </script>} would otherwise end the element and run what follows (stored XSS on every embedding page).
 * {@code <}, {@code >} and {@code &} are written as \\u003c, \\u003e, \\u0026 and the line separators U+2028/U+2029 as
 * \\u2028/\\u2029 (JavaScript before ES2019 ends a string at them); a JSON parser reads the same values back.
 */
public final class ScriptSafeJson {
    private static final CharacterEscapes ESCAPES = new CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> new SerializedString("\\u003c");
                case '>' -> new SerializedString("\\u003e");
                case '&' -> new SerializedString("\\u0026");
                case '\u2028' -> new SerializedString("\\u2028");
                case '\u2029' -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    };

    private ScriptSafeJson() {
    }

    public static String write(ObjectMapper json, Object value) {
        try {
            return json.writer().with(ESCAPES).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD could not be written", e);
        }
    }
}

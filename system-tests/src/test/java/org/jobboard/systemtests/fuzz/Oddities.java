package org.jobboard.systemtests.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The values the mutations draw from: strings that have broken parsers, databases and serializers before, numbers at
 * the edges of their types, malformed formats. None contains a word the leak check looks for in responses.
 */
final class Oddities {
    private Oddities() {
    }

    static final List<String> STRINGS = List.of("\u0000", "a\u0000b", "\u0001", "bell\u0007", "\u001b[31mred", "\u007f",
            "\u0085", "line\u2028sep\u2029", "\ufeffbom", "\uffff", "\ufffe", "\u202egnp.exe", "zero\u200bwidth",
            "e\u0301\u0301\u0301\u0301", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD", "\uD835\uDD4F", "\t\n\r", "   ", "",
            "<script>alert(1)</script>", "</script><script>alert(1)</script>", "]]><x>&amp;&#0;&#x1;",
            "' OR '1'='1", "\"; DROP TABLE postings; --", "${jndi:ldap://127.0.0.1/a}", "%s%n%x%d", "../../../../etc/passwd",
            "{{7*7}}", "\\", "\\u0000", "null", "NaN", "-0", "\uFF21\uFF22\uFF23", "\u0130\u0131", "\u00df", "\u0660\u0661",
            "\r\nX-Injected: yes", "a\u00A0b", "\uDBFF\uDFFF");

    static final List<String> UUIDS = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "0193E0A0-0000-7000-8000-00000000AC3E", "0193e0a0-0000-7000-8000-00000000ac3e0", "{0193e0a0-0000-7000-8000-00000000ac3e}",
            "g193e0a0-0000-7000-8000-00000000ac3e", "0193e0a000007000800000000000ac3e", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1", "");

    static final List<String> DATE_TIMES = List.of("x", "2026-13-45T25:61:61Z", "2026-12-01", "2026-12-01T00:00:00",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-12-01T00:00:00+25:00", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "1700000000", "now",
            "2026-12-01T00:00:00.1234567891234Z", "2026-12-01 00:00:00Z");

    static final List<String> URIS = List.of("javascript:alert(1)", "http://", "::::", "https://exa mple.org",
            "file:///etc/passwd", "https://" + "a".repeat(3000) + ".example", "//example.org", "https://[::1", "https://%zz",
            "data:text/html,<script>alert(1)</script>", "https://example.org/\u0000");

    static final List<String> EMAILS = List.of("a@", "@b.c", "a@b", "a b@c.d", "a@b.c\u0000", "a@@b.c",
            "\"quoted\"@example.org", "x".repeat(300) + "@example.org", "a@" + "b".repeat(300) + ".org");

    static final List<String> DECIMALS = List.of("-1", "1e5", "0x10", "999999999999999.99", "1.999", "\u0661\u0662\u0663",
            "NaN", "Infinity", "1e999999999", "00000000000000000000001", "1_000", " 100", "", "0.00", "-0");

    static final List<String> CODES = List.of("XX", "us", "USA", "U", "usd", "XXX", "EURO", "\u00dcS", "1A", "");

    /** Written into the JSON text as they are: numbers past the edges of long and double, lone surrogates. */
    static final List<String> RAW_NUMBERS = List.of("0", "-1", "-0", "1e308", "1e309", "-1e309", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "2147483648", "1.0000000000000000000001",
            "123456789012345678901234567890", "1e-400", "0.1e1", "1E2", "1e999999999", "-0.0", "4.9e-324");

    static final List<String> RAW_STRINGS = List.of("\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\"", "\"a\\u0000b\"",
            "\"\\u0001\"", "\"\\uffff\"");

    static final List<String> MALFORMED_JSON = List.of("", " ", "{", "}", "{\"title\":", "{\"title\":\"x\"",
            "{'title':'x'}", "{\"title\":\"x\",}", "{\"title\":\"x\"} trailing", "[]", "null", "true", "123", "\"string\"",
            "{\"a\":1}{\"b\":2}", "/* c */ {}", "{\"title\":\"x\" // c\n}", "[".repeat(10000), "{\"a\":".repeat(5000),
            "\u0000\u0000\u0000", "{\"title\":\"a\",\"title\":\"b\"}", "{\"title\":NaN}", "{\"title\":undefined}",
            "{title:\"x\"}", "{\"title\":\"x\\q\"}", "{\"title\":\"\\u00\"}", "\t\r\n{}\t\r\n", "{\"\":\"\"}",
            "{\"title\":1.7976931348623157e309}", "{\"title\":\"tab\tinside\"}");

    static final List<String> QUERY_SEARCH_TEXT = List.of("title:(", "*", "a~", "\"unterminated", "a AND OR", "/regex[/",
            "field:\\", "?", "(((((((((((", "*a*", "a^999999", "a~999", "[a TO", "{* TO *}", "!", "&&", "||", "\\\\\\",
            "a".repeat(2000), "\"a b\"~99999999", "java~0.5", "*:*", "_exists_:title", "+-+-+-", "a".repeat(20) + "*");

    static final List<String> INTEGERS = List.of("abc", "-1", "0", "101", "1e3", "2147483648", "99999999999999999999",
            "1.5", " 1", "", "0x10", "NaN", "-2147483649", "+5", "1,2");

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    static String longString(Random random) {
        int[] lengths = { 256, 1025, 5000, 50001, 200_000 };
        int length = lengths[random.nextInt(lengths.length)];
        return random.nextBoolean() ? "a".repeat(length) : "\uD83D\uDE00".repeat(length / 2);
    }
}

package org.jobboard.postings.rest;

/**
 * Text that XML 1.0 can carry. Its Char production forbids control characters other than tab, newline and carriage
 * return, U+FFFE, U+FFFF and unpaired surrogates: one of them makes the whole document unreadable to a strict parser.
 * Input validation refuses them now, but rows stored before it may still hold them, so the feed cleans at output:
 * forbidden characters are dropped, an unpaired surrogate (half of a broken character) becomes U+FFFD.
 */
public final class XmlText {
    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text; // the common case: no copy
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else if (allowed(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || !allowed(c)) {
                return false;
            }
        }
        return true;
    }

    /** XML 1.0 Char for one UTF-16 unit outside the surrogate range. */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
    }
}

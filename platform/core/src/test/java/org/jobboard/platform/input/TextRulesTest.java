package org.jobboard.platform.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextRulesTest {
    @Test
    void plainTextTabsAndLineBreaksPass() {
        assertNull(TextRules.violation(""));
        assertNull(TextRules.violation("Senior Java Developer (m/f/d) – Zürich, 100 % \u20ac"));
        assertNull(TextRules.violation("line one\r\nline two\tafter a tab"));
        assertNull(TextRules.violation("rocket \ud83d\ude80 and CJK \u4e2d\u6587"));
    }

    @Test
    void controlCharactersAndNonCharactersAreRefused() {
        for (char c : new char[] { 0, 1, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f }) {
            assertEquals(TextRules.CONTROL_CHARACTERS, TextRules.violation("a" + c + "b"), Integer.toHexString(c));
        }
        assertEquals(TextRules.INVALID_UNICODE, TextRules.violation("\ud800"));
        assertEquals(TextRules.INVALID_UNICODE, TextRules.violation("a\udc00b"));
        assertEquals(TextRules.INVALID_UNICODE, TextRules.violation("\ud83d x"));
        assertEquals(TextRules.INVALID_UNICODE, TextRules.violation("\ufffe"));
    }
}

package org.jobboard.postings.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class XmlTextTest {
    @Test
    void dropsWhatXml10ForbidsAndReplacesUnpairedSurrogates() {
        assertEquals("Bell Engineer", XmlText.clean("\u0000Bell\u0007 \u001FEngin\uFFFEeer\uFFFF"));
        assertEquals("a\uFFFDb\uFFFD", XmlText.clean("a\uD800b\uDC00"));
        assertEquals("tab\tline\ncr\r", XmlText.clean("tab\tline\ncr\r"));
    }

    @Test
    void keepsCleanTextAsItIsWithoutACopy() {
        String text = "Café 👩‍💻 <Engineer> & ]]> \uD83D\uDE00 \u00A0 \uFFFD";
        assertSame(text, XmlText.clean(text));
        assertNull(XmlText.clean(null));
    }
}

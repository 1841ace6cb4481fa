package org.jobboard.platform.ids;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    @Test
    void idsAreVersion7AndOrderedByCreationTime() throws Exception {
        UUID first = Ids.newUuid();
        Thread.sleep(2);
        UUID second = Ids.newUuid();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.toString().compareTo(second.toString()) < 0);
        long millis = first.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 5000);
    }

    @Test
    void parsingRejectsWhatIsNotAnId() {
        assertTrue(Ids.parse("x").isEmpty());
        assertTrue(Ids.parse(null).isEmpty());
        assertTrue(Ids.parse("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").isEmpty());
        assertEquals(Ids.parse(Ids.newId()).isPresent(), true);
    }
}

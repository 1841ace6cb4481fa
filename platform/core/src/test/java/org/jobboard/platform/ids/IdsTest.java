package org.jobboard.platform.ids;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    @Test
    void idsAreVersion7AndOrderedByCreationTime() {
        long now = 1_764_000_000_000L;
        UUID first = Ids.newUuid(now);
        UUID second = Ids.newUuid(now + 1);
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.toString().compareTo(second.toString()) < 0);
        assertEquals(now, first.getMostSignificantBits() >>> 16);
    }

    @Test
    void anIdWithoutATimeCarriesTheCurrentOne() {
        long before = System.currentTimeMillis();
        long millis = Ids.newUuid().getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis());
    }

    @Test
    void parsingRejectsWhatIsNotAnId() {
        assertTrue(Ids.parse("x").isEmpty());
        assertTrue(Ids.parse(null).isEmpty());
        assertTrue(Ids.parse("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").isEmpty());
        assertEquals(Ids.parse(Ids.newId()).isPresent(), true);
    }
}

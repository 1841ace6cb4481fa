package org.jobboard.tools.seed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvLineTest {
    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() {
        assertEquals(List.of("1", "Engineer, Senior", "say \"hi\"", ""),
                Seed.parseCsv("1,\"Engineer, Senior\",\"say \"\"hi\"\"\","));
    }

    @Test
    void titlesOfTheDatasetAreTitleCased() {
        assertEquals("Civil Engineer", Seed.titleCase("CIVIL ENGINEER"));
    }
}

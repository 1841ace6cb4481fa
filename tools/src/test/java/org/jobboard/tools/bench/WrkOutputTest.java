package org.jobboard.tools.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WrkOutputTest {
    private static final String OUTPUT = """
            Running 2s test @ http://127.0.0.1:8080/v1/postings
              1 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.43ms  305.00us   2.01s    90.00%
              Latency Distribution
                 50%  812.00us
                 75%    1.10ms
                 90%    1.50ms
                 99%    3.25ms
              4000 requests in 2.00s, 1.00MB read
            Requests/sec:   2000.50
            """;

    @Test
    void durationsInEveryUnitWrkPrintsBecomeMilliseconds() {
        assertEquals(0.305, GatewayBench.wrkMillis("305.00us"), 1e-9);
        assertEquals(1.43, GatewayBench.wrkMillis("1.43ms"), 1e-9);
        assertEquals(2010, GatewayBench.wrkMillis("2.01s"), 1e-9);
        assertEquals(90_000, GatewayBench.wrkMillis("1.5m"), 1e-9);
        assertThrows(IllegalStateException.class, () -> GatewayBench.wrkMillis("fast"));
    }

    @Test
    void percentilesComeFromTheLatencyDistribution() {
        assertEquals(0.812, GatewayBench.wrkPercentile(OUTPUT, "50%"), 1e-9);
        assertEquals(3.25, GatewayBench.wrkPercentile(OUTPUT, "99%"), 1e-9);
        assertThrows(IllegalStateException.class, () -> GatewayBench.wrkPercentile(OUTPUT, "99.9%"));
    }
}

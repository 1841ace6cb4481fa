package org.jobboard.tools.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/** Outbox lag (commit to broker acknowledgement) of the events written since a time: count and percentiles. */
public class OutboxLag {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                PreparedStatement query = connection.prepareStatement("""
                        select count(*), count(published_at),
                               percentile_cont(0.5) within group (order by extract(epoch from published_at - occurred_at) * 1000),
                               percentile_cont(0.99) within group (order by extract(epoch from published_at - occurred_at) * 1000),
                               max(extract(epoch from published_at - occurred_at) * 1000)
                        from outbox_event where occurred_at >= ?""")) {
            query.setTimestamp(1, Timestamp.from(Instant.parse(args[3])));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                System.out.printf("  outbox lag (commit -> broker ack) over %d events (%d published): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        row.getLong(1), row.getLong(2), row.getDouble(3), row.getDouble(4), row.getDouble(5));
            }
        }
    }
}

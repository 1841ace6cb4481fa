package org.jobboard.tools.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * After an apply benchmark: how many resumes still wait for text extraction (extraction gives way to requests, so a
 * burst leaves a backlog), and how long the service takes to drain it once the load stops (polled, at most 10 min).
 */
public class ExtractionBacklog {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            long first = pending(statement);
            long left = first;
            while (left > 0 && System.nanoTime() - started < 600_000_000_000L) {
                Thread.sleep(500);
                left = pending(statement);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (first == 0) {
                System.out.println("  resume text extraction: no backlog when the load stopped");
            } else if (left == 0) {
                System.out.printf("  resume text extraction: %d resumes pending when the load stopped, all extracted %.1f s later (%.0f/s)%n",
                        first, seconds, first / seconds);
            } else {
                System.out.printf("  resume text extraction: %d resumes pending when the load stopped, %d still pending after %.0f s%n",
                        first, left, seconds);
            }
        }
    }

    private static long pending(Statement statement) throws Exception {
        try (ResultSet row = statement.executeQuery("select count(*) from resume where extraction_status = 'PENDING'")) {
            row.next();
            return row.getLong(1);
        }
    }
}

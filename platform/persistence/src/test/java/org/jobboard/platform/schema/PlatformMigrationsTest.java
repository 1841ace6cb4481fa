package org.jobboard.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jobboard.platform.testing.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform tables beside a service's own migrations, on the stack's real PostgreSQL (database
 * {@code platform_test}), with a service Flyway configured as Quarkus configures it plus the platform's callback.
 */
class PlatformMigrationsTest {
    private static final String DATABASE = "platform_test";
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() throws SQLException {
        Properties stack = LocalStack.ensureRunning();
        String server = "jdbc:postgresql://" + stack.getProperty("JOBBOARD_DB_HOST") + ":"
                + stack.getProperty("JOBBOARD_DB_PORT") + "/";
        String user = stack.getProperty("JOBBOARD_DB_USER");
        String password = stack.getProperty("JOBBOARD_DB_PASSWORD", "");
        try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = admin.createStatement();
                ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server + DATABASE);
        dataSource.setUser(user);
        dataSource.setPassword(password);
    }

    @BeforeEach
    void empty() {
        serviceFlyway("db/test-service").cleanDisabled(false).load().clean();
    }

    @Test
    void aNewDatabaseGetsThePlatformTablesInTheirOwnHistory() throws SQLException {
        withPlatform(serviceFlyway("db/test-service")).load().migrate();

        assertEquals(List.of("1"), versions("flyway_schema_history"));
        assertEquals(List.of("0", "1", "2", "3"), versions("platform_schema_history"));
        assertTrue(tableExists("outbox_event") && tableExists("processed_event") && tableExists("idempotency_record"));
    }

    @Test
    void aCleanAtStartIsFollowedByThePlatformTables() throws SQLException {
        withPlatform(serviceFlyway("db/test-service")).load().migrate();
        // what the tests' quarkus.flyway.clean-at-start does before migrating: it drops the platform tables too
        Flyway flyway = withPlatform(serviceFlyway("db/test-service")).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();

        assertTrue(tableExists("outbox_event") && tableExists("idempotency_record"));
        assertEquals(List.of("0", "1", "2", "3"), versions("platform_schema_history"));
    }

    @Test
    void aDatabaseFromBeforeTheOwnHistoryKeepsItsRowsAndPassesValidation() throws SQLException {
        // the old layout: platform scripts V0_1/V0_2 mixed into the service's history
        serviceFlyway("db/test-service", "db/test-legacy-platform").load().migrate();
        assertEquals(List.of("0.1", "0.2", "1"), versions("flyway_schema_history"));
        execute("insert into idempotency_record (caller, idem_key, request_hash, created_at) "
                + "values ('someone', 'k1', 'h', now())");

        // the new layout: the service's own scripts only; its validation would refuse the two rows it no longer has
        withPlatform(serviceFlyway("db/test-service")).load().migrate();

        assertEquals(List.of("1"), versions("flyway_schema_history"));
        assertEquals(List.of("0", "1", "2", "3"), versions("platform_schema_history"));
        assertEquals(1, count("select count(*) from idempotency_record where caller = 'someone'"));
        // and from now on the service's Flyway validates as before, the platform's too
        Flyway service = withPlatform(serviceFlyway("db/test-service")).load();
        service.validate();
        assertEquals(0, service.migrate().migrationsExecuted);
    }

    @Test
    void aDatabaseMigratedByQuarkusBeforeTheOwnHistoryPassesValidationToo() throws SQLException {
        serviceFlyway("db/test-service", "db/test-legacy-platform").load().migrate();
        // Quarkus' Flyway records each script with its location: that is what a local database of the old layout holds
        execute("update flyway_schema_history set script = 'db/platform/' || script where version in ('0.1', '0.2')");

        withPlatform(serviceFlyway("db/test-service")).load().migrate();

        assertEquals(List.of("1"), versions("flyway_schema_history"));
        assertEquals(List.of("0", "1", "2", "3"), versions("platform_schema_history"));
    }

    @Test
    void everyScriptOfTheLocationIsListed() throws IOException, URISyntaxException {
        Path location = Path.of(PlatformMigrations.class.getClassLoader().getResource(PlatformMigrations.LOCATION)
                .toURI());
        try (Stream<Path> files = Files.list(location)) {
            assertEquals(files.map(file -> file.getFileName().toString()).sorted().toList(),
                    PlatformMigrations.SCRIPTS);
        }
    }

    private static FluentConfiguration serviceFlyway(String... locations) {
        return Flyway.configure().dataSource(dataSource)
                .locations(Arrays.stream(locations).map(location -> "classpath:" + location).toArray(String[]::new));
    }

    /** What {@link PlatformSchema} does to the service's Flyway in a Quarkus application. */
    private static FluentConfiguration withPlatform(FluentConfiguration configuration) {
        new PlatformSchema().customize(configuration);
        return configuration;
    }

    private static List<String> versions(String historyTable) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from " + historyTable
                        + " where success and version is not null order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static boolean tableExists(String table) throws SQLException {
        return count("select count(*) from information_schema.tables where table_name = '" + table + "'") == 1;
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

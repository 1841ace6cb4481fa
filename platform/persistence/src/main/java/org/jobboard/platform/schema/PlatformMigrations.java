package org.jobboard.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The platform's own tables (outbox, processed events, Idempotency-Key store), migrated by a Flyway of their own: own
 * scripts ({@value #LOCATION}), own history table ({@value #HISTORY_TABLE}), in the service's database and schema.
 * Their versions can therefore never collide with a service's V1..Vn.
 * <p>
 * The scripts are idempotent ({@code if not exists}): a database from before this history existed already has the
 * tables, created by the same statements under the service's history as V0_1/V0_2. The first run records a baseline
 * (version 0) and runs every script, which finds the tables in place. Those two old rows of the service's history
 * would now fail its validation (applied, but no longer among its scripts); {@link #adoptFromServiceHistory} removes
 * exactly them, matched by version and script name, so the service's validation stays strict for everything else.
 */
public final class PlatformMigrations {
    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    public static final String LOCATION = "db/jobboard-platform";
    public static final String HISTORY_TABLE = "platform_schema_history";

    /**
     * Every script under {@value #LOCATION}, in order. Listed rather than scanned: Quarkus' class loader cannot list
     * a directory of a jar, and Quarkus' own Flyway scanning covers only the service's locations.
     */
    static final List<String> SCRIPTS = List.of(
            "V1__outbox_and_processed_events.sql",
            "V2__idempotency.sql",
            "V3__outbox_tombstones.sql");

    /** Where the platform's scripts were before they had a history of their own. */
    static final String LEGACY_LOCATION = "db/platform";

    /** The rows the platform tables left in a service's history before they had one of their own. */
    static final List<LegacyRow> LEGACY_SERVICE_HISTORY_ROWS = List.of(
            new LegacyRow("0.1", "V0_1__outbox_and_processed_events.sql"),
            new LegacyRow("0.2", "V0_2__idempotency.sql"));

    record LegacyRow(String version, String script) {
    }

    private PlatformMigrations() {
    }

    /** Migrates the platform tables in the database and schema the service's Flyway {@code service} works on. */
    public static MigrateResult migrate(Configuration service) {
        var platform = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .table(HISTORY_TABLE)
                .locations("classpath:" + LOCATION)
                .resourceProvider(new Scripts())
                .javaMigrationClassProvider(new NoJavaMigrations())
                // the schema always holds the service's tables already: start this history at 0, then run V1..
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("platform tables get their own history")
                .cleanDisabled(true);
        if (service.getDefaultSchema() != null) {
            platform.defaultSchema(service.getDefaultSchema());
        }
        if (service.getSchemas().length > 0) {
            platform.schemas(service.getSchemas());
        }
        MigrateResult result = platform.load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("platform tables migrated to version %s (%s)", result.targetSchemaVersion, HISTORY_TABLE);
        }
        return result;
    }

    /**
     * Removes the platform's old rows (V0_1, V0_2 of {@value #LOCATION}'s predecessor) from the service's history
     * table, if it has them. Nothing else of the service's history is touched.
     *
     * @return how many rows were removed
     */
    public static int adoptFromServiceHistory(Connection connection, Configuration service) throws SQLException {
        String table = qualifiedServiceHistory(service);
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return 0;
                }
            }
        }
        int removed = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from " + table + " where version = ? and script in (?, ?)")) {
            for (LegacyRow row : LEGACY_SERVICE_HISTORY_ROWS) {
                delete.setString(1, row.version());
                delete.setString(2, row.script());
                // Quarkus' Flyway records a script with its location ("db/platform/V0_1__...sql")
                delete.setString(3, LEGACY_LOCATION + "/" + row.script());
                removed += delete.executeUpdate();
            }
        }
        if (removed > 0) {
            LOG.infof("%d platform migrations moved from %s to %s", removed, table, HISTORY_TABLE);
        }
        return removed;
    }

    private static String qualifiedServiceHistory(Configuration service) {
        String schema = service.getDefaultSchema() != null ? service.getDefaultSchema()
                : service.getSchemas().length > 0 ? service.getSchemas()[0] : null;
        return (schema == null ? "" : quote(schema) + ".") + quote(service.getTable());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The scripts of {@link #SCRIPTS}, read from this jar. */
    private static final class Scripts implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            return SCRIPTS.contains(name) ? new Script(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            return SCRIPTS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(Script::new).toList();
        }
    }

    private static final class Script extends LoadableResource {
        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = PlatformMigrations.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException("missing platform migration " + getAbsolutePath());
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }

    private static final class NoJavaMigrations implements ClassProvider<JavaMigration> {
        @Override
        public Collection<Class<? extends JavaMigration>> getClasses() {
            return List.of();
        }
    }
}

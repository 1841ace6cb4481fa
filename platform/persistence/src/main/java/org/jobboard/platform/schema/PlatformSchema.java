package org.jobboard.platform.schema;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Hooks the platform tables ({@link PlatformMigrations}) into the service's own Flyway of its default datasource
 * ({@code quarkus.flyway.migrate-at-start}), so that they are always migrated at the one right moment: after the
 * service's Flyway (and, in tests, after its clean at start, which drops them with everything else) and before
 * Hibernate validates the schema or anything else starts.
 */
@Singleton
public class PlatformSchema implements FlywayConfigurationCustomizer {
    @Override
    public void customize(FluentConfiguration configuration) {
        // callbacks(...) replaces the list: keep the service's own
        configuration.callbacks(Stream.concat(Arrays.stream(configuration.getCallbacks()), Stream.of(new Hook()))
                .toArray(Callback[]::new));
    }

    /** The callback on the service's Flyway; public for tests that run a Flyway of their own. */
    public static Callback callback() {
        return new Hook();
    }

    private static final class Hook implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.AFTER_MIGRATE) {
                PlatformMigrations.migrate(context.getConfiguration());
                return;
            }
            try {
                PlatformMigrations.adoptFromServiceHistory(context.getConnection(), context.getConfiguration());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot move the platform migrations out of the service's history", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "jobboard-platform-schema";
        }
    }
}

package org.jobboard.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Gives a {@code @QuarkusTest} the stack's real PostgreSQL (its own test database, {@code <database>_test}, emptied
 * by Flyway clean at each start) and the real Kafka broker, starting them when they are not running. It also makes
 * the service trust {@link TestTokens}.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = StackTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "postings"))
 * </pre>
 *
 * With {@code consumeFromNow = "group:topic"} the service's test consumer group starts at the topic's end as it is
 * when the tests start. Its database is emptied at each start anyway, so older events (another run's, or the
 * thousands a benchmark put on the local broker) are of no use to it, and working through them first made tests
 * time out waiting for their own events.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {
    private String database;
    private boolean needsStack = true;
    private String consumeFromNow;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        // "stack=none": only the test token trust (e.g. the gateway, which needs neither database nor Kafka)
        needsStack = !"none".equals(initArgs.get("stack"));
        consumeFromNow = initArgs.get("consumeFromNow");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestTokens.oidcTestConfig());
        if (!needsStack) {
            return config;
        }
        Properties stack = LocalStack.ensureRunning();
        String kafka = stack.getProperty("JOBBOARD_KAFKA_BOOTSTRAP");
        config.put("kafka.bootstrap.servers", kafka);
        if (consumeFromNow != null) {
            String[] groupAndTopic = consumeFromNow.split(":", 2);
            ConsumerGroups.moveToTopicEnd(kafka, groupAndTopic[0], groupAndTopic[1]);
        }
        if (database != null) {
            String testDatabase = database + "_test";
            String server = "jdbc:postgresql://" + stack.getProperty("JOBBOARD_DB_HOST") + ":"
                    + stack.getProperty("JOBBOARD_DB_PORT") + "/";
            String user = stack.getProperty("JOBBOARD_DB_USER");
            String password = stack.getProperty("JOBBOARD_DB_PASSWORD", "");
            createDatabaseIfMissing(server + "postgres", user, password, testDatabase);
            config.put("quarkus.datasource.jdbc.url", server + testDatabase);
            config.put("quarkus.datasource.username", user);
            config.put("quarkus.datasource.password", password);
            config.put("quarkus.flyway.clean-disabled", "false");
            config.put("quarkus.flyway.clean-at-start", "true");
        }
        return config;
    }

    static void createDatabaseIfMissing(String adminUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name.replace("\"", "") + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created concurrently by another module's run
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name + " at " + adminUrl, e);
        }
    }

    @Override
    public void stop() {
        // the stack outlives one test class; ./dev test (or ./dev down) stops what it started
    }
}

package org.jobboard.tools.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates each named database that does not exist yet. Args: jdbc-url user password name...
 *
 * <p>One file on purpose: {@code ./dev stack start} runs it with the source launcher and the stack libraries
 * ({@code stack_tool} in deploy/local/lib.sh) before anything is built, so it uses only the JDK and the JDBC driver.
 */
public class CreateDatabases {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            for (int i = 3; i < args.length; i++) {
                try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, args[i]);
                    try (ResultSet result = exists.executeQuery()) {
                        if (result.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database \"" + args[i].replace("\"", "") + "\"");
                    System.out.println("created database " + args[i]);
                }
            }
        }
    }
}

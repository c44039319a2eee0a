package org.corridor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;

/**
 * Where the MariaDB tests run: the server named by CORRIDOR_TEST_MARIADB_URL (default the
 * machine's own, 127.0.0.1:3306/test as root) when it answers; else a Testcontainers
 * MariaDB where Docker runs; else the tests fail when CI=true and are skipped on a
 * developer's machine.
 */
public final class TestDatabases {

    public record Connection_(String url, String user, String password) {
    }

    private static Connection_ mariaDb;

    private TestDatabases() {
    }

    public static synchronized Connection_ mariaDb() {
        if (mariaDb == null) {
            mariaDb = findMariaDb();
            wipe(mariaDb);
        }
        return mariaDb;
    }

    private static Connection_ findMariaDb() {
        String url = env("CORRIDOR_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        Connection_ server = new Connection_(url, env("CORRIDOR_TEST_MARIADB_USER", "root"),
                env("CORRIDOR_TEST_MARIADB_PASSWORD", ""));
        String serverProblem = answers(server);
        if (serverProblem == null) {
            return server;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:10.11");
            container.start();
            return new Connection_(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String why = "No MariaDB for the tests: " + url + " does not answer (" + serverProblem
                + ") and Docker is not available. Start MariaDB or set CORRIDOR_TEST_MARIADB_URL.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
        return null;
    }

    private static String answers(Connection_ db) {
        try (Connection c = DriverManager.getConnection(
                db.url() + (db.url().contains("?") ? "&" : "?") + "connectTimeout=2000", db.user(), db.password())) {
            return c.isValid(2) ? null : "connection not valid";
        }
        catch (SQLException e) {
            return e.getMessage();
        }
    }

    /**
     * Every run starts from an empty schema, so the engine and Flyway build theirs
     * afresh.
     */
    private static void wipe(Connection_ db) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            dropAllTables(c);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test database " + db.url(), e);
        }
    }

    /** Drops every table of the connection's current database. */
    public static void dropAllTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s
                .executeQuery("select table_name from information_schema.tables where table_schema = database()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("set foreign_key_checks = 0");
            for (String table : tables) {
                s.execute("drop table if exists `" + table + "`");
            }
            s.execute("set foreign_key_checks = 1");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

}

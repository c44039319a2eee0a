package org.corridor.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.corridor.testing.TestDatabases;

/**
 * A database that had passes before V9 starts each destination's count of students out
 * from the passes out there (ACTIVE and LONG_RUNNING), on both databases. No Spring:
 * Flyway alone, stopped before V9, the passes written in SQL, then V9.
 */
class OccupancyMigrationTest {

    private static final MigrationVersion V9 = MigrationVersion.fromVersion("9");

    @Test
    void countersStartFromThePassesOutOnH2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:occupancy-migration;DB_CLOSE_DELAY=-1",
                "sa", "");
        assertThat(countersAfterV9(h2)).isEqualTo(Map.of("Restroom", 2, "Nurse", 1, "Library", 0, "Room 1", 0));
    }

    @Test
    void countersStartFromThePassesOutOnMariaDb() throws SQLException {
        TestDatabases.Connection_ server = TestDatabases.mariaDb();
        String url = scratchDatabase(server);
        try {
            DriverManagerDataSource mariaDb = new DriverManagerDataSource(url, server.user(), server.password());
            assertThat(countersAfterV9(mariaDb))
                .isEqualTo(Map.of("Restroom", 2, "Nurse", 1, "Library", 0, "Room 1", 0));
        }
        finally {
            dropScratchDatabase(server, url);
        }
    }

    /**
     * Migrates to the version before V9, writes a school with passes in every state,
     * migrates to V9.
     */
    private static Map<String, Integer> countersAfterV9(DriverManagerDataSource db) {
        Flyway.configure().dataSource(db).target(versionBeforeV9(db)).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("insert into district (id, name, version) values ('d', 'District', 0)");
        jdbc.update("insert into school (id, district_id, name, time_zone, long_running_minutes, auto_end_minutes,"
                + " request_expiry_minutes, version) values ('s', 'd', 'School', 'UTC', 10, 30, 15, 0)");
        jdbc.update("insert into person (id, district_id, school_id, email, given_name, family_name, version)"
                + " values ('t', 'd', 's', 't@example.test', 'Tess', 'Teacher', 0)");
        String[] locations = { "Room 1", "Restroom", "Nurse", "Library" };
        for (String name : locations) {
            jdbc.update(
                    "insert into location (id, school_id, name, is_destination, capacity, is_open, auto_pass_allowed,"
                            + " version) values (?, 's', ?, ?, 0, true, false, 0)",
                    name, name, !name.equals("Room 1"));
        }
        jdbc.update("insert into section (id, school_id, room_id, main_teacher_id, name, version)"
                + " values ('sec', 's', 'Room 1', 't', 'English', 0)");
        String[][] passes = { { "Restroom", "ACTIVE" }, { "Restroom", "LONG_RUNNING" }, { "Restroom", "COMPLETED" },
                { "Restroom", "PENDING" }, { "Nurse", "ACTIVE" }, { "Nurse", "ENDED_BY_SYSTEM" },
                { "Nurse", "SCHEDULED" }, { "Nurse", "REQUESTED" }, { "Library", "DENIED" }, { "Library", "CANCELLED" },
                { "Library", "EXPIRED" } };
        for (int i = 0; i < passes.length; i++) {
            String student = "p" + i;
            jdbc.update("insert into person (id, district_id, school_id, email, given_name, family_name, version)"
                    + " values (?, 'd', 's', ?, 'Student', ?, 0)", student, student + "@example.test", student);
            jdbc.update("insert into hall_pass (id, district_id, school_id, student_id, pass_type, channel, state,"
                    + " departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,"
                    + " requested_at, version)"
                    + " values (?, 'd', 's', ?, 'REGULAR', 'DEVICE', ?, 'sec', 'Room 1', ?, 't', ?,"
                    + " current_timestamp, 0)", "pass-" + i, student, passes[i][1], passes[i][0], student);
        }

        Flyway.configure().dataSource(db).target(V9).load().migrate();

        return jdbc
            .query("select l.name, o.out_now from destination_occupancy o join location l on l.id = o.location_id"
                    + " where o.school_id = 's'", (row, n) -> Map.entry(row.getString(1), row.getInt(2)))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static MigrationVersion versionBeforeV9(DriverManagerDataSource db) {
        return Arrays.stream(Flyway.configure().dataSource(db).load().info().all())
            .map(MigrationInfo::getVersion)
            .filter(v -> v != null && v.isNewerThan("0") && V9.isNewerThan(v.getVersion()))
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    }

    /**
     * A database of its own next to the test database, so this test's Flyway history is
     * its own.
     */
    private static String scratchDatabase(TestDatabases.Connection_ server) throws SQLException {
        String url = server.url();
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?', slash);
        String name = (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)) + "_v9";
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + name + "`");
            s.execute("create database `" + name + "`");
        }
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private static void dropScratchDatabase(TestDatabases.Connection_ server, String scratchUrl) throws SQLException {
        int slash = scratchUrl.indexOf('/', "jdbc:mariadb://".length());
        int query = scratchUrl.indexOf('?', slash);
        String name = query < 0 ? scratchUrl.substring(slash + 1) : scratchUrl.substring(slash + 1, query);
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + name + "`");
        }
    }

}

package org.corridor.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-pass summary rows and per-month tallies the reports read (V28). A pass that
 * ends adds its summary and its tallies in the transaction that ends it; the purge takes
 * them away with the pass; V33 fills them from passes that ended before. All three go
 * through the same statements: the summary is made from the pass's row, and the tallies
 * from the summary rows by one {@code GROUP BY} per dimension, added (or, for the purge,
 * subtracted) with an upsert, so that two passes ending at once for the same group add
 * both: {@code INSERT … ON DUPLICATE KEY UPDATE} on MariaDB, {@code MERGE} on H2.
 */
@Component
public class PassSummaries {

    /** The minute out of a pass without seconds out: it never went, or is not back. */
    static final int NOT_BACK = -9999;

    /** About 2 s of tries: far more than a concurrent pass end takes to commit. */
    private static final int H2_TALLY_ATTEMPTS = 50;

    /** The states a pass ends in: only ended passes have a summary. */
    static final List<String> ENDED = List.of("COMPLETED", "ENDED_BY_SYSTEM", "DENIED", "CANCELLED", "EXPIRED");

    private static final String SECS = "CASE WHEN p.started_at IS NOT NULL AND p.ended_at IS NOT NULL"
            + " THEN TIMESTAMPDIFF(SECOND, p.started_at, p.ended_at) END";

    private static final String TALLY_COLUMNS = "school_id, month_start, dim, group_key, state, pass_type, channel,"
            + " minute_out, district_id, n, went_out, secs, approved, denied, blocked";

    private static final List<String> TALLY_KEY = List.of("school_id", "month_start", "dim", "group_key", "state",
            "pass_type", "channel", "minute_out");

    private static final List<String> TALLY_SUMS = List.of("n", "went_out", "secs", "approved", "denied", "blocked");

    /**
     * What a report groups by, as a key of a summary row {@code s} (with the pass's flags
     * {@code f} where the dimension is about them).
     */
    enum Dim {

        DAY('D', "s.local_day", "", "", java.time.LocalDate::parse),
        HOUR('H', "s.local_hour", "", "", Integer::valueOf), DESTINATION('P', "s.destination_id", "", "", k -> k),
        SECTION('S', "s.section_id", "", "", k -> k), GRADE('G', "s.grade", "", "", k -> k),
        STUDENT('U', "s.student_id", "", "", k -> k),
        RULE('R', "f.code", " JOIN pass_flag f ON f.pass_id = s.pass_id", "", k -> k),
        NO_CONTACT('N',
                "CASE WHEN s.approved = 1 THEN 'APPROVED_OVER' WHEN s.denied = 1 THEN 'DENIED'"
                        + " WHEN s.blocked = 1 THEN 'BLOCKED' WHEN s.went_out = 1 THEN 'STARTED' ELSE 'UNDECIDED' END",
                " JOIN pass_flag f ON f.pass_id = s.pass_id AND f.code = 'NO_CONTACT'", "", k -> k),
        LONG_RUNNING('L', "s.state", "", " AND s.long_running = 1", k -> k);

        final String code;

        final String key;

        final String join;

        final String where;

        /** A key as the value its column is compared with. */
        final Function<String, Object> param;

        Dim(char code, String key, String join, String where, Function<String, Object> param) {
            this.code = String.valueOf(code);
            this.key = key;
            this.join = join;
            this.where = where;
            this.param = param;
        }

        static Dim of(ReportKind kind) {
            return switch (kind) {
                case BY_DAY -> DAY;
                case BY_HOUR -> HOUR;
                case BY_DESTINATION -> DESTINATION;
                case BY_TEACHER -> SECTION;
                case BY_GRADE -> GRADE;
                case BY_STUDENT -> STUDENT;
                case BY_RULE -> RULE;
                case NO_CONTACT -> NO_CONTACT;
                case LONG_RUNNING -> LONG_RUNNING;
            };
        }

    }

    private final NamedParameterJdbcTemplate jdbc;

    private final boolean mariaDb;

    PassSummaries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.mariaDb = isMariaDb(connection);
        }
    }

    static boolean isMariaDb(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mariadb") || product.contains("mysql");
    }

    /**
     * The index MariaDB must read a day's minute bucket from: given a few hundred (day,
     * minute) pairs, its optimizer picks the primary key's day ranges instead, reading
     * every pass of those days (6 s for a year, against 0.4 s).
     */
    String lookupHint(Dim dim) {
        return mariaDb && dim == Dim.DAY ? " FORCE INDEX (ix_summary_minute)" : "";
    }

    /**
     * A value as text, in the database's words, so that every dimension's key is one
     * type.
     */
    String text(String expression) {
        return text(expression, mariaDb);
    }

    static String text(String expression, boolean mariaDb) {
        return "CAST(" + expression + (mariaDb ? " AS CHAR)" : " AS VARCHAR)");
    }

    /**
     * Summarizes a pass that has just ended, on the connection of the transaction that
     * ended it: its summary row, then its share of each tally. Three statements.
     */
    static void ended(Connection connection, String passId) throws SQLException {
        String zone;
        Instant requested;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT sc.time_zone, p.requested_at FROM hall_pass p JOIN school sc ON sc.id = p.school_id"
                        + " WHERE p.id = ?")) {
            read.setString(1, passId);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                zone = rs.getString(1);
                requested = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            }
        }
        boolean maria = isMariaDb(connection);
        List<Object> params = new ArrayList<>();
        String summary = summaryInsert(ZoneId.of(zone), requested.minus(Duration.ofDays(2)),
                requested.plus(Duration.ofDays(2)),
                "p.id = ? AND NOT EXISTS (SELECT 1 FROM pass_summary x WHERE x.pass_id = p.id)", params);
        params.add(passId);
        if (execute(connection, summary, params) == 0) {
            // summarized already: its tallies have it
            return;
        }
        addTallies(connection, maria, passId);
    }

    /**
     * H2 (the demo's database) does not wait for a transaction inserting the same tally
     * row, as MariaDB does: it refuses the merge at once. The refused statement changed
     * nothing, and the other's row is there to add to once it commits, a moment later
     * (passes summarize just before they commit), so the merge is tried again.
     */
    private static void addTallies(Connection connection, boolean maria, String passId) throws SQLException {
        String upsert = tallyUpsert(maria, "s.pass_id = ?", 1);
        List<Object> params = repeat(passId, Dim.values().length);
        for (int attempt = 1;; attempt++) {
            try {
                execute(connection, upsert, params);
                return;
            }
            catch (SQLException ex) {
                if (maria || !"23505".equals(ex.getSQLState()) || attempt == H2_TALLY_ATTEMPTS) {
                    throw ex;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(Math.min(5L * attempt, 50));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while a concurrent tally committed", ex);
        }
    }

    /**
     * Takes passes about to be removed out of the tallies, and removes their summaries;
     * in the purge's transaction, before the passes go. A pass without a summary (already
     * taken out) changes nothing, so a batch done twice is done once.
     */
    public void forget(List<String> passIds) {
        if (passIds.isEmpty()) {
            return;
        }
        List<String> schools = jdbc.queryForList("SELECT DISTINCT school_id FROM pass_summary WHERE pass_id IN (:ids)",
                Map.of("ids", passIds), String.class);
        if (schools.isEmpty()) {
            return;
        }
        jdbc.update(tallyUpsert(mariaDb, "s.pass_id IN (:ids)", -1), Map.of("ids", passIds));
        jdbc.update("DELETE FROM pass_summary WHERE pass_id IN (:ids)", Map.of("ids", passIds));
        jdbc.update("DELETE FROM pass_tally WHERE school_id IN (:schools) AND n = 0", Map.of("schools", schools));
    }

    /**
     * Summarizes every ended pass of a school that has no summary yet, and makes the
     * school's tallies again from its summaries. For V33 and for passes written by hand
     * (the reports' benchmark seeds them with SQL); not while passes of the school end.
     */
    static void backfill(Connection connection, String schoolId) throws SQLException {
        boolean maria = isMariaDb(connection);
        String zone;
        LocalDateTime first;
        LocalDateTime last;
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT sc.time_zone," + " (SELECT MIN(p.requested_at) FROM hall_pass p WHERE p.school_id = sc.id),"
                        + " (SELECT MAX(p.requested_at) FROM hall_pass p WHERE p.school_id = sc.id)"
                        + " FROM school sc WHERE sc.id = ?")) {
            read.setString(1, schoolId);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                zone = rs.getString(1);
                first = rs.getObject(2, LocalDateTime.class);
                last = rs.getObject(3, LocalDateTime.class);
            }
        }
        if (first != null) {
            List<Object> params = new ArrayList<>();
            String summary = summaryInsert(ZoneId.of(zone), first.toInstant(ZoneOffset.UTC).minus(Duration.ofDays(2)),
                    last.toInstant(ZoneOffset.UTC).plus(Duration.ofDays(2)),
                    "p.school_id = ? AND NOT EXISTS (SELECT 1 FROM pass_summary x WHERE x.pass_id = p.id)", params);
            params.add(schoolId);
            execute(connection, summary, params);
        }
        execute(connection, "DELETE FROM pass_tally WHERE school_id = ?", List.of(schoolId));
        execute(connection, tallyUpsert(maria, "s.school_id = ?", 1), repeat(schoolId, Dim.values().length));
    }

    /** {@link #backfill(Connection, String)} of every school. */
    static void backfill(Connection connection) throws SQLException {
        List<String> schools = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT id FROM school ORDER BY id");
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                schools.add(rs.getString(1));
            }
        }
        for (String school : schools) {
            backfill(connection, school);
        }
    }

    /**
     * The summary rows of the ended passes that match {@code condition} (over the pass
     * {@code p}), requested between {@code from} and {@code to}: the day and hour on the
     * school's clock come from the zone's offset, one number between two daylight-saving
     * transitions.
     */
    private static String summaryInsert(ZoneId zone, Instant from, Instant to, String condition, List<Object> params) {
        String local = local("p.requested_at", zone, from, to, params);
        return "INSERT INTO pass_summary (school_id, local_day, pass_id, district_id, month_start, local_hour,"
                + " requested_at, student_id, destination_id, section_id, routed_to_id, grade, pass_type, channel,"
                + " state, went_out, approved, denied, blocked, long_running, secs, minute_out)"
                + " SELECT p.school_id, CAST(" + local + " AS DATE), p.id, p.district_id,"
                + " TIMESTAMPADD(DAY, 1 - EXTRACT(DAY FROM " + local + "), CAST(" + local + " AS DATE)),"
                + " EXTRACT(HOUR FROM " + local + "), p.requested_at, p.student_id, p.destination_id,"
                + " p.departing_section_id, p.routed_to_id, COALESCE(st.grade, ''), p.pass_type, p.channel, p.state,"
                + " CASE WHEN p.started_at IS NOT NULL THEN 1 ELSE 0 END,"
                + " CASE WHEN p.approved_at IS NOT NULL THEN 1 ELSE 0 END,"
                + " CASE WHEN p.state = 'DENIED' AND p.decided_by_id IS NOT NULL THEN 1 ELSE 0 END,"
                + " CASE WHEN p.state = 'DENIED' AND p.decided_by_id IS NULL THEN 1 ELSE 0 END,"
                + " CASE WHEN p.long_running_at IS NOT NULL THEN 1 ELSE 0 END, " + SECS + ", CASE WHEN " + SECS
                + " IS NULL THEN " + NOT_BACK + " ELSE FLOOR(" + SECS + " / 60.0) END"
                + " FROM hall_pass p LEFT JOIN person st ON st.id = p.student_id WHERE " + condition
                + " AND p.state IN (" + ENDED.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The local time of a stored UTC column, for times between {@code from} and
     * {@code to}; the transitions' instants are bound in order ({@code ?}).
     */
    static String local(String column, ZoneId zone, Instant from, Instant to, List<Object> params) {
        List<ZoneOffsetTransition> transitions = transitions(zone, from, to);
        int first = zone.getRules().getOffset(from).getTotalSeconds();
        if (transitions.isEmpty()) {
            return "TIMESTAMPADD(SECOND, " + first + ", " + column + ")";
        }
        StringBuilder offset = new StringBuilder("CASE");
        int before = first;
        for (ZoneOffsetTransition transition : transitions) {
            // the literal, not a parameter: the expression is used several times per row
            offset.append(" WHEN ")
                .append(column)
                .append(" < TIMESTAMP '")
                .append(LocalDateTime.ofInstant(transition.getInstant(), ZoneOffset.UTC).toString().replace('T', ' '))
                .append("' THEN ")
                .append(before);
            before = transition.getOffsetAfter().getTotalSeconds();
        }
        offset.append(" ELSE ").append(before).append(" END");
        return "TIMESTAMPADD(SECOND, " + offset + ", " + column + ")";
    }

    static List<ZoneOffsetTransition> transitions(ZoneId zone, Instant from, Instant to) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = zone.getRules().nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            transitions.add(next);
            next = zone.getRules().nextTransition(next.getInstant());
        }
        return transitions;
    }

    /**
     * Adds ({@code sign} 1) or subtracts (-1) the summary rows matching {@code condition}
     * to the tallies: one {@code GROUP BY} per dimension, the condition once in each (its
     * parameters repeated). The rows are upserted in key order, so that two transactions
     * touching the same tallies lock them in the same order.
     */
    static String tallyUpsert(boolean mariaDb, String condition, int sign) {
        String rows = Arrays.stream(Dim.values())
            .map(dim -> "SELECT s.school_id, s.month_start, '" + dim.code + "' dim, " + text(dim.key, mariaDb)
                    + " group_key, s.state, s.pass_type, s.channel, s.minute_out, s.district_id, COUNT(*) * " + sign
                    + " n, SUM(s.went_out) * " + sign + " went_out, COALESCE(SUM(s.secs), 0) * " + sign
                    + " secs, SUM(s.approved) * " + sign + " approved, SUM(s.denied) * " + sign
                    + " denied, SUM(s.blocked) * " + sign + " blocked FROM pass_summary s" + dim.join + " WHERE "
                    + condition + dim.where + " GROUP BY s.school_id, s.month_start, " + dim.key
                    + ", s.state, s.pass_type, s.channel, s.minute_out, s.district_id")
            .collect(Collectors.joining(" UNION ALL "));
        String ordered = "SELECT * FROM (" + rows + ") x ORDER BY " + String.join(", ", TALLY_KEY);
        if (mariaDb) {
            return "INSERT INTO pass_tally (" + TALLY_COLUMNS + ") " + ordered + " ON DUPLICATE KEY UPDATE "
                    + TALLY_SUMS.stream()
                        .map(c -> "pass_tally." + c + " = pass_tally." + c + " + VALUES(" + c + ")")
                        .collect(Collectors.joining(", "));
        }
        return "MERGE INTO pass_tally t USING (" + ordered + ") u ON ("
                + TALLY_KEY.stream().map(c -> "t." + c + " = u." + c).collect(Collectors.joining(" AND "))
                + ") WHEN MATCHED THEN UPDATE SET "
                + TALLY_SUMS.stream().map(c -> c + " = t." + c + " + u." + c).collect(Collectors.joining(", "))
                + " WHEN NOT MATCHED THEN INSERT (" + TALLY_COLUMNS + ") VALUES ("
                + Arrays.stream(TALLY_COLUMNS.split(", ")).map(c -> "u." + c).collect(Collectors.joining(", ")) + ")";
    }

    private static List<Object> repeat(Object value, int times) {
        return java.util.Collections.nCopies(times, value);
    }

    private static int execute(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement.executeUpdate();
        }
    }

    /**
     * For the tests and the benchmark: as {@link #backfill(Connection, String)}, in a
     * transaction of its own (the pool's connections do not commit by themselves).
     */
    @Transactional
    public void backfill(String schoolId) {
        jdbc.getJdbcTemplate().execute((java.sql.Connection c) -> {
            backfill(c, schoolId);
            return null;
        });
    }

}

package org.corridor.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.pass.PassView;
import org.corridor.person.Role;
import org.corridor.reads.ReadLog;
import org.corridor.security.Caller;

/**
 * The auditor's search over a district's passes, as a page or as CSV. The export is
 * written while the rows are read (the driver fetches them in batches), so its size is
 * bounded by the response, not by memory.
 */
@Service
public class PassSearch {

    /** Rows the driver fetches at a time while an export streams. */
    static final int FETCH_SIZE = 500;
    static final String[] CSV_HEADER = { "pass_id", "school", "requested_at", "started_at", "ended_at", "state", "type",
            "channel", "student_number", "student", "class", "teacher", "routed_to", "destination", "flags",
            "rule_set_versions" };

    private static final String COLUMNS = """
            p.id, p.school_id, sc.name school_name, sc.time_zone, p.state, p.pass_type, p.channel,
            p.student_id, st.student_number, COALESCE(st.display_name, CONCAT(st.given_name, ' ', st.family_name)) student,
            sec.name section_name, sec.main_teacher_id,
            COALESCE(te.display_name, CONCAT(te.given_name, ' ', te.family_name)) teacher,
            p.routed_to_id, COALESCE(rt.display_name, CONCAT(rt.given_name, ' ', rt.family_name)) routed_to,
            p.destination_id, d.name destination, p.requested_at, p.started_at, p.ended_at""";

    // A class's main teacher may have been taken away since (a roster import leaves it
    // empty): its passes are still found, with no teacher named.
    private static final String FROM = "\n" + """
            FROM hall_pass p
            JOIN school sc ON sc.id = p.school_id
            JOIN person st ON st.id = p.student_id
            JOIN section sec ON sec.id = p.departing_section_id
            LEFT JOIN person te ON te.id = sec.main_teacher_id
            JOIN person rt ON rt.id = p.routed_to_id
            JOIN location d ON d.id = p.destination_id""";

    private final PassFilters filters;

    private final NamedParameterJdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate streaming;

    private final ReadLog reads;

    PassSearch(PassFilters filters, NamedParameterJdbcTemplate jdbc, DataSource dataSource, ReadLog reads) {
        this.reads = reads;
        this.filters = filters;
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    /** Checks who asks and what: a bad filter is refused before any answer starts. */
    public PassFilter filter(Caller caller, Map<String, String> query) {
        if (!(caller.is(Role.AUDITOR) || caller.is(Role.ADMIN))) {
            throw PassFilters.notAllowed();
        }
        return filters.filter(caller, query);
    }

    @Transactional(readOnly = true)
    public PassRow.Page page(Caller caller, Map<String, String> query) {
        PassFilter filter = filter(caller, query);
        PassFilters.Page page = filters.page(query);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(caller, filter, params);
        // The count and the page's ids come from hall_pass and its index on (district_id,
        // requested_at, id), joined only to what a filter names: a year of passes is
        // counted
        // and skipped through in the index, and only the page's rows are joined to names.
        String narrowed = narrowedFrom(filter);
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + narrowed + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<String> ids = jdbc.queryForList(
                "SELECT p.id" + narrowed + where + order(filter, "") + " LIMIT :limit OFFSET :offset", params,
                String.class);
        Map<String, PassRow> rows = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT " + COLUMNS + FROM + " WHERE p.id IN (:ids)" + order(filter, ""), Map.of("ids", ids),
                    rs -> {
                        PassRow row = row(rs, new ArrayList<>());
                        rows.put(row.id(), row);
                    });
        }
        if (!rows.isEmpty()) {
            jdbc.query("SELECT pass_id, code, severity, rule_set_version FROM pass_flag WHERE pass_id IN (:ids)"
                    + " ORDER BY pass_id, ordinal", Map.of("ids", rows.keySet()), rs -> {
                        rows.get(rs.getString("pass_id"))
                            .flags()
                            .add(new PassRow.Flag(rs.getString("code"), rs.getString("severity"),
                                    rs.getString("rule_set_version")));
                    });
        }
        reads.students(caller, ReadLog.What.SEARCH, "GET /api/audit/passes", null,
                rows.values().stream().map(r -> r.student().id()).distinct().toList());
        return new PassRow.Page(total == null ? 0 : total, page.page(), page.size(), List.copyOf(rows.values()));
    }

    /**
     * Every matching pass as CSV, in the order asked, times in each pass's school's zone.
     * Rows are written as the database hands them over; nothing is collected first.
     */
    @Transactional(readOnly = true)
    public void export(Caller caller, PassFilter filter, Writer out) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(caller, filter, params);
        try {
            // Not closed here: the response's stream belongs to the servlet container.
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out);
            Set<String> students = new HashSet<>();
            FlagGrouping rows = new FlagGrouping(row -> {
                print(csv, row);
                students.add(row.student().id());
            });
            streaming.query(
                    "SELECT " + COLUMNS + ", f.code, f.severity, f.rule_set_version" + FROM
                            + " LEFT JOIN pass_flag f ON f.pass_id = p.id" + where + order(filter, ", f.ordinal"),
                    params, rows::add);
            rows.finish();
            csv.flush();
            reads.students(caller, ReadLog.What.EXPORT, "GET /api/audit/passes (text/csv)", null, students);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Joined rows come one per flag; a pass is written once its last flag has been read.
     */
    private final class FlagGrouping {

        private final Consumer<PassRow> write;

        private PassRow current;

        FlagGrouping(Consumer<PassRow> write) {
            this.write = write;
        }

        void add(ResultSet rs) throws SQLException {
            if (current == null || !current.id().equals(rs.getString("id"))) {
                finish();
                current = row(rs, new ArrayList<>());
            }
            if (rs.getString("code") != null) {
                current.flags()
                    .add(new PassRow.Flag(rs.getString("code"), rs.getString("severity"),
                            rs.getString("rule_set_version")));
            }
        }

        void finish() {
            if (current != null) {
                write.accept(current);
                current = null;
            }
        }

    }

    private static void print(CSVPrinter csv, PassRow row) {
        ZoneId zone = ZoneId.of(row.timeZone());
        try {
            csv.printRecord(SpreadsheetCells.safe(row.id(), row.schoolId(), local(row.requestedAt(), zone),
                    local(row.startedAt(), zone), local(row.endedAt(), zone), row.state(), row.type(), row.channel(),
                    row.studentNumber(), row.student().name(), row.section(),
                    row.teacher() == null ? "" : row.teacher().name(), row.routedTo().name(), row.destination().name(),
                    String.join(" ", row.flags().stream().map(PassRow.Flag::code).toList()),
                    String.join(" ", row.flags().stream().map(PassRow.Flag::ruleSetVersion).distinct().toList())));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A time as the school's clock showed it, with its offset, so that a spreadsheet and
     * a program both read it.
     */
    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : at.atZone(zone).toOffsetDateTime().toString();
    }

    private static PassRow row(ResultSet rs, List<PassRow.Flag> flags) throws SQLException {
        return new PassRow(rs.getString("id"), rs.getString("school_id"), rs.getString("time_zone"),
                rs.getString("state"), rs.getString("pass_type"), rs.getString("channel"),
                new PassView.Ref(rs.getString("student_id"), rs.getString("student")), rs.getString("student_number"),
                rs.getString("section_name"),
                rs.getString("main_teacher_id") == null ? null
                        : new PassView.Ref(rs.getString("main_teacher_id"), rs.getString("teacher")),
                new PassView.Ref(rs.getString("routed_to_id"), rs.getString("routed_to")),
                new PassView.Ref(rs.getString("destination_id"), rs.getString("destination")),
                instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "ended_at"), flags);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        // Stored as UTC wall-clock time (hibernate.jdbc.time_zone), whatever the JVM's
        // zone.
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    /**
     * The passes and only the tables a filter of {@code where} reads besides them: the
     * student's number, the class's teacher.
     */
    private static String narrowedFrom(PassFilter filter) {
        StringBuilder from = new StringBuilder("\nFROM hall_pass p");
        if (filter.studentNumber() != null) {
            from.append(" JOIN person st ON st.id = p.student_id");
        }
        if (filter.teacherId() != null) {
            from.append(" JOIN section sec ON sec.id = p.departing_section_id");
        }
        return from.toString();
    }

    private static String order(PassFilter filter, String then) {
        String direction = filter.newestFirst() ? " DESC" : " ASC";
        return " ORDER BY p.requested_at" + direction + ", p.id" + direction + then;
    }

    /**
     * The district always; each filter given narrows it. Values are bound, never spliced
     * into the SQL.
     */
    private static String where(Caller caller, PassFilter f, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" WHERE p.district_id = :district");
        params.addValue("district", caller.districtId());
        narrow(sql, params, "p.student_id = :student", "student", f.studentId());
        narrow(sql, params, "st.student_number = :studentNumber", "studentNumber", f.studentNumber());
        narrow(sql, params,
                "(p.routed_to_id = :teacher OR sec.main_teacher_id = :teacher OR EXISTS (SELECT 1 FROM"
                        + " section_co_teacher ct WHERE ct.section_id = sec.id AND ct.person_id = :teacher))",
                "teacher", f.teacherId());
        narrow(sql, params, "p.destination_id = :destination", "destination", f.destinationId());
        narrow(sql, params, "p.school_id = :school", "school", f.schoolId());
        narrow(sql, params, "p.state = :state", "state", f.state() == null ? null : f.state().name());
        narrow(sql, params, "p.pass_type = :type", "type", f.type() == null ? null : f.type().name());
        narrow(sql, params, "p.channel = :channel", "channel", f.channel() == null ? null : f.channel().name());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag ff WHERE ff.pass_id = p.id AND ff.code = :flag)", "flag",
                f.flag());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag fv WHERE fv.pass_id = p.id"
                + " AND fv.rule_set_version = :ruleSetVersion)", "ruleSetVersion", f.ruleSetVersion());
        narrow(sql, params, "p.requested_at >= :from", "from", f.from() == null ? null : utc(f.from()));
        narrow(sql, params, "p.requested_at < :to", "to", f.to() == null ? null : utc(f.to()));
        return sql.toString();
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static void narrow(StringBuilder sql, MapSqlParameterSource params, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.addValue(name, value);
        }
    }

}

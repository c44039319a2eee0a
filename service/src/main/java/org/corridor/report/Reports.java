package org.corridor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.audit.PassFilter;
import org.corridor.audit.PassFilters;
import org.corridor.audit.SpreadsheetCells;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.reads.ReadLog;
import org.corridor.school.ManagedSchools;
import org.corridor.school.School;
import org.corridor.security.Caller;

/**
 * The reports of one school's passes over a range of its days. The database does the
 * counting: each report is one statement over one range of the covering index
 * {@code ix_pass_school_report} (V25), which never reads the table. It numbers each
 * group's passes in order of their time out with window functions (ROW_NUMBER and COUNT
 * over the group, which MariaDB and H2 both have), then groups them once: the counts, the
 * sums, and the median as the average of the middle one or two. Section and student are
 * looked up per group key by a correlated subquery, not joined, so that the optimizer
 * still starts from the pass index. Days and hours are those of the school's clock: the
 * stored UTC time is moved by the zone's offset, which changes only at the few
 * daylight-saving transitions inside the range, so the offset is a short CASE.
 */
@Service
public class Reports {

    /** The longest range one report covers: a school year and then some. */
    static final int MAX_DAYS = 400;

    static final int DEFAULT_TOP = 20;

    static final int MAX_TOP = 200;

    private static final Set<String> KNOWN;

    static {
        Set<String> known = new HashSet<>(PassFilters.FILTERS);
        known.add("top");
        KNOWN = Set.copyOf(known);
    }

    private static final String SECONDS_OUT = "CASE WHEN p.started_at IS NOT NULL AND p.ended_at IS NOT NULL"
            + " THEN TIMESTAMPDIFF(SECOND, p.started_at, p.ended_at) END";

    private static final String TEACHER_DENIED = "p.state = 'DENIED' AND p.decided_by_id IS NOT NULL";

    private static final String POLICY_BLOCKED = "p.state = 'DENIED' AND p.decided_by_id IS NULL";

    private final PassFilters filters;

    private final ManagedSchools schools;

    private final NamedParameterJdbcTemplate jdbc;

    private final ReadLog reads;

    Reports(PassFilters filters, ManagedSchools schools, NamedParameterJdbcTemplate jdbc, ReadLog reads) {
        this.filters = filters;
        this.schools = schools;
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** What was asked, checked: a bad request is refused before anything is read. */
    public record Request(ReportKind kind, School school, PassFilter filter, int top) {
    }

    public Request request(Caller caller, String kindName, Map<String, String> query) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.AUDITOR))) {
            throw ApiProblem.forbidden("Only administrators and auditors can read reports.");
        }
        ReportKind kind = ReportKind.of(kindName)
            .orElseThrow(() -> ApiProblem.notFound("Report", kindName + " (reports are " + ReportKind.names() + ")"));
        String schoolId = query.get("schoolId");
        if (schoolId == null || schoolId.isBlank()) {
            throw InvalidInput.field("Invalid report", "schoolId", "is required: a report is of one school");
        }
        School school = schools.find(caller, schoolId.strip());
        List<FieldError> errors = new ArrayList<>();
        for (String bound : List.of("from", "to")) {
            String value = query.get(bound);
            if (value == null || value.isBlank()) {
                errors.add(new FieldError(bound, "is required (a date such as 2026-09-01)"));
            }
        }
        int top = top(query, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid report", "report", errors);
        }
        PassFilter filter = filters.filter(caller, query, KNOWN);
        if (Duration.between(filter.from(), filter.to()).compareTo(Duration.ofDays(MAX_DAYS + 1)) > 0) {
            throw InvalidInput.field("Invalid report", "to", "must be at most " + MAX_DAYS + " days after from");
        }
        return new Request(kind, school, filter, top);
    }

    private static int top(Map<String, String> query, List<FieldError> errors) {
        String value = query.get("top");
        if (value == null || value.isBlank()) {
            return DEFAULT_TOP;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_TOP) {
                return n;
            }
        }
        catch (NumberFormatException e) {
            // reported below, as an out-of-range number is
        }
        errors.add(new FieldError("top", "must be a whole number from 1 to " + MAX_TOP));
        return DEFAULT_TOP;
    }

    @Transactional(readOnly = true)
    public Report report(Caller caller, String kindName, Map<String, String> query) {
        return run(caller, request(caller, kindName, query));
    }

    @Transactional(readOnly = true)
    public Report run(Caller caller, Request request) {
        ZoneId zone = request.school().getTimeZone();
        PassFilter f = request.filter();
        MapSqlParameterSource params = new MapSqlParameterSource();
        Grouping grouping = grouping(request, params);
        String inner = "SELECT " + grouping.key + " k, " + SECONDS_OUT + " secs,"
                + " CASE WHEN p.started_at IS NOT NULL THEN 1 ELSE 0 END went_out,"
                + " CASE WHEN p.approved_at IS NOT NULL THEN 1 ELSE 0 END approved," + " CASE WHEN " + TEACHER_DENIED
                + " THEN 1 ELSE 0 END denied," + " CASE WHEN " + POLICY_BLOCKED + " THEN 1 ELSE 0 END blocked"
                + " FROM hall_pass p" + grouping.join + where(caller, f, params) + grouping.where;
        String sql = "SELECT k, COUNT(*) n, SUM(went_out) went_out, SUM(secs) secs, SUM(approved) approved,"
                + " SUM(denied) denied, SUM(blocked) blocked, AVG(CASE WHEN rn IN (FLOOR((m + 1) / 2),"
                + " FLOOR((m + 2) / 2)) THEN secs * 1.0 END) med FROM (SELECT x.k, x.secs, x.went_out, x.approved,"
                + " x.denied, x.blocked, ROW_NUMBER() OVER (PARTITION BY x.k ORDER BY CASE WHEN x.secs IS NULL"
                + " THEN 1 ELSE 0 END, x.secs) rn, COUNT(x.secs) OVER (PARTITION BY x.k) m FROM (" + inner
                + ") x) y GROUP BY k";
        if (request.kind() == ReportKind.BY_STUDENT) {
            sql += " ORDER BY COUNT(*) DESC, k LIMIT " + request.top();
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Long> seconds = new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            String key = key(rs);
            counts.put(key, new long[] { rs.getLong("n"), rs.getLong("went_out"), rs.getLong("approved"),
                    rs.getLong("denied"), rs.getLong("blocked") });
            long secs = rs.getLong("secs");
            if (!rs.wasNull()) {
                seconds.put(key, secs);
            }
            double median = rs.getDouble("med");
            if (!rs.wasNull()) {
                medians.put(key, median);
            }
        });
        Map<String, String> labels = labels(request.kind(), counts.keySet());
        List<Report.Row> rows = new ArrayList<>();
        boolean decisions = request.kind() == ReportKind.BY_RULE || request.kind() == ReportKind.NO_CONTACT;
        for (String key : keys(request, counts.keySet(), zone)) {
            long[] c = counts.getOrDefault(key, new long[5]);
            Long secs = seconds.get(key);
            Double median = medians.get(key);
            rows.add(new Report.Row(key, labels.getOrDefault(key, key), c[0], c[1], secs == null ? null : minutes(secs),
                    median == null ? null : minutes(median), decisions ? c[2] : null, decisions ? c[3] : null,
                    decisions ? c[4] : null));
        }
        if (request.kind() != ReportKind.BY_DAY && request.kind() != ReportKind.BY_HOUR) {
            rows.sort(Comparator.comparingLong(Report.Row::count).reversed().thenComparing(Report.Row::label));
        }
        if (request.kind() == ReportKind.BY_STUDENT) {
            reads.students(caller, ReadLog.What.REPORT, "GET /api/reports/by-student", null, counts.keySet());
        }
        return new Report(request.kind().path(), request.school().getId(), zone.getId(), local(f.from(), zone),
                local(f.to(), zone), rows);
    }

    private static String key(ResultSet rs) throws SQLException {
        String key = rs.getString("k");
        return key == null ? "" : key;
    }

    private static double minutes(double seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private record Grouping(String key, String join, String where) {
    }

    private static Grouping grouping(Request request, MapSqlParameterSource params) {
        ZoneId zone = request.school().getTimeZone();
        PassFilter f = request.filter();
        return switch (request.kind()) {
            case BY_DAY -> new Grouping("CAST(" + local("p.requested_at", zone, f, params) + " AS DATE)", "", "");
            case BY_HOUR -> new Grouping("HOUR(" + local("p.requested_at", zone, f, params) + ")", "", "");
            case BY_DESTINATION -> new Grouping("p.destination_id", "", "");
            case BY_TEACHER -> new Grouping(
                    "(SELECT sec.main_teacher_id FROM section sec WHERE sec.id = p.departing_section_id)", "", "");
            case BY_GRADE -> new Grouping("(SELECT st.grade FROM person st WHERE st.id = p.student_id)", "", "");
            case BY_STUDENT -> new Grouping("p.student_id", "", "");
            case BY_RULE -> new Grouping("fl.code", " JOIN pass_flag fl ON fl.pass_id = p.id", "");
            case NO_CONTACT -> new Grouping(
                    "CASE WHEN p.approved_at IS NOT NULL THEN 'APPROVED_OVER' WHEN " + TEACHER_DENIED
                            + " THEN 'DENIED' WHEN " + POLICY_BLOCKED + " THEN 'BLOCKED'"
                            + " WHEN p.started_at IS NOT NULL THEN 'STARTED' ELSE 'UNDECIDED' END",
                    " JOIN pass_flag fl ON fl.pass_id = p.id", " AND fl.code = 'NO_CONTACT'");
            case LONG_RUNNING -> new Grouping("p.state", "", " AND p.long_running_at IS NOT NULL");
        };
    }

    /**
     * A stored UTC time as the school's clock showed it: moved by the zone's offset,
     * which is one number between two daylight-saving transitions.
     */
    private static String local(String column, ZoneId zone, PassFilter f, MapSqlParameterSource params) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        Instant at = f.from();
        ZoneOffsetTransition next = zone.getRules().nextTransition(at);
        while (next != null && next.getInstant().isBefore(f.to())) {
            transitions.add(next);
            next = zone.getRules().nextTransition(next.getInstant());
        }
        int first = zone.getRules().getOffset(f.from()).getTotalSeconds();
        if (transitions.isEmpty()) {
            return "TIMESTAMPADD(SECOND, " + first + ", " + column + ")";
        }
        StringBuilder offset = new StringBuilder("CASE");
        int before = first;
        for (int i = 0; i < transitions.size(); i++) {
            params.addValue("tz" + i, LocalDateTime.ofInstant(transitions.get(i).getInstant(), ZoneOffset.UTC));
            offset.append(" WHEN ").append(column).append(" < :tz").append(i).append(" THEN ").append(before);
            before = transitions.get(i).getOffsetAfter().getTotalSeconds();
        }
        offset.append(" ELSE ").append(before).append(" END");
        return "TIMESTAMPADD(SECOND, " + offset + ", " + column + ")";
    }

    /**
     * The groups in the order they are shown: every day of the range (with none on a day
     * without passes), the hours in order, others as counted.
     */
    private static List<String> keys(Request request, Set<String> found, ZoneId zone) {
        if (request.kind() == ReportKind.BY_DAY) {
            List<String> days = new ArrayList<>();
            LocalDate last = request.filter().to().minusMillis(1).atZone(zone).toLocalDate();
            for (LocalDate day = request.filter().from().atZone(zone).toLocalDate(); !day.isAfter(last); day = day
                .plusDays(1)) {
                days.add(day.toString());
            }
            return days;
        }
        if (request.kind() == ReportKind.BY_HOUR) {
            return found.stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        return List.copyOf(found);
    }

    private Map<String, String> labels(ReportKind kind, Set<String> keys) {
        Map<String, String> labels = new HashMap<>();
        if (keys.isEmpty()) {
            return labels;
        }
        Map<String, Object> ids = Map.of("ids", keys);
        switch (kind) {
            case BY_DESTINATION -> jdbc.query("SELECT id, name FROM location WHERE id IN (:ids)", ids, rs -> {
                labels.put(rs.getString("id"), rs.getString("name"));
            });
            case BY_TEACHER, BY_STUDENT -> jdbc.query("SELECT id, student_number,"
                    + " COALESCE(display_name, CONCAT(given_name, ' ', family_name)) name FROM person WHERE id IN (:ids)",
                    ids, rs -> {
                        String number = rs.getString("student_number");
                        labels.put(rs.getString("id"), rs.getString("name")
                                + (kind == ReportKind.BY_STUDENT && number != null ? " (" + number + ")" : ""));
                    });
            case BY_HOUR -> keys.forEach(k -> labels.put(k, String.format("%02d:00", Integer.parseInt(k))));
            case BY_GRADE -> keys.forEach(k -> labels.put(k, k.isEmpty() ? "Grade not given" : "Grade " + k));
            case NO_CONTACT -> {
                labels.put("APPROVED_OVER", "Approved over the flag");
                labels.put("DENIED", "Denied by a teacher");
                labels.put("BLOCKED", "Blocked by policy");
                labels.put("STARTED", "Started without approval");
                labels.put("UNDECIDED", "Not decided (cancelled, expired or waiting)");
            }
            case LONG_RUNNING -> {
                labels.put("ENDED_BY_SYSTEM", "Ended by the system");
                labels.put("COMPLETED", "Ended by a person");
                labels.put("LONG_RUNNING", "Still out");
            }
            default -> {
            }
        }
        return labels;
    }

    /** The report as CSV, every cell formula-safe as the audit export's. */
    public void csv(Report report, Writer out) {
        try {
            boolean decisions = report.rows().stream().anyMatch(r -> r.approvedOver() != null);
            List<String> header = new ArrayList<>(
                    List.of("key", "label", "count", "out", "total_minutes", "median_minutes"));
            if (decisions) {
                header.addAll(List.of("approved_over", "denied", "blocked"));
            }
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out);
            for (Report.Row row : report.rows()) {
                List<Object> cells = new ArrayList<>(List.of(row.key(), row.label(), row.count(), row.out(),
                        blank(row.totalMinutes()), blank(row.medianMinutes())));
                if (decisions) {
                    cells.addAll(List.of(row.approvedOver(), row.denied(), row.blocked()));
                }
                csv.printRecord(SpreadsheetCells.safe(cells.toArray()));
            }
            csv.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object blank(Double value) {
        return value == null ? "" : value;
    }

    private static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * The school always (and so the district); each filter given narrows it. Values are
     * bound, never spliced into the SQL.
     */
    private static String where(Caller caller, PassFilter f, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" WHERE p.school_id = :school AND p.district_id = :district"
                + " AND p.requested_at >= :from AND p.requested_at < :to");
        params.addValue("school", f.schoolId())
            .addValue("district", caller.districtId())
            .addValue("from", LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC))
            .addValue("to", LocalDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        narrow(sql, params, "p.student_id = :student", "student", f.studentId());
        narrow(sql, params, "p.student_id IN (SELECT sn.id FROM person sn WHERE sn.district_id = :district"
                + " AND sn.student_number = :studentNumber)", "studentNumber", f.studentNumber());
        narrow(sql, params,
                "(p.routed_to_id = :teacher OR p.departing_section_id IN (SELECT sec.id FROM section sec"
                        + " WHERE sec.main_teacher_id = :teacher OR EXISTS (SELECT 1 FROM section_co_teacher ct"
                        + " WHERE ct.section_id = sec.id AND ct.person_id = :teacher)))",
                "teacher", f.teacherId());
        narrow(sql, params, "p.destination_id = :destination", "destination", f.destinationId());
        narrow(sql, params, "p.state = :state", "state", f.state() == null ? null : f.state().name());
        narrow(sql, params, "p.pass_type = :type", "type", f.type() == null ? null : f.type().name());
        narrow(sql, params, "p.channel = :channel", "channel", f.channel() == null ? null : f.channel().name());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag ff WHERE ff.pass_id = p.id AND ff.code = :flag)", "flag",
                f.flag());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag fv WHERE fv.pass_id = p.id"
                + " AND fv.rule_set_version = :ruleSetVersion)", "ruleSetVersion", f.ruleSetVersion());
        return sql.toString();
    }

    private static void narrow(StringBuilder sql, MapSqlParameterSource params, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.addValue(name, value);
        }
    }

}

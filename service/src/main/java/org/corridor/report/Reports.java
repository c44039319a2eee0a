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
import java.util.TreeMap;
import java.util.stream.Collectors;

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
 * The reports of one school's passes over a range of its days. Reading each of a year's
 * 200,000 passes per report costs more than a second, so the database reads what
 * {@link PassSummaries} wrote as the passes ended: the month tallies of the range's whole
 * months (counts, sums, and passes per whole minute out, per group), the summary rows of
 * the days around them (grouped the same way), and the passes not ended yet from the pass
 * table (few, and with no time out). The exact median of a group walks its minute counts
 * to the middle one or two passes, then reads the seconds of only the passes in those
 * minutes. A filter the tallies do not have (a student, teacher, destination, flag, rule
 * set), or a range that starts or ends inside a day, reads the summary rows instead of
 * the tallies. Days and hours are those of the school's clock, as each summary row holds
 * them.
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

    private static final String TEACHER_DENIED = "p.state = 'DENIED' AND p.decided_by_id IS NOT NULL";

    private static final String POLICY_BLOCKED = "p.state = 'DENIED' AND p.decided_by_id IS NULL";

    private final PassFilters filters;

    private final ManagedSchools schools;

    private final NamedParameterJdbcTemplate jdbc;

    private final ReadLog reads;

    private final PassSummaries summaries;

    Reports(PassFilters filters, ManagedSchools schools, NamedParameterJdbcTemplate jdbc, ReadLog reads,
            PassSummaries summaries) {
        this.filters = filters;
        this.schools = schools;
        this.jdbc = jdbc;
        this.reads = reads;
        this.summaries = summaries;
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
        PassSummaries.Dim dim = PassSummaries.Dim.of(request.kind());
        Range range = Range.of(f, zone);
        Map<String, Group> raw = new HashMap<>();
        if (range.months().isEmpty() || !fromTallies(f)) {
            fromSummaries(caller, request, dim, range.summaryDays(), raw);
        }
        else {
            fromTallies(caller, request, dim, range, raw);
            if (!range.edges().isEmpty()) {
                fromSummaries(caller, request, dim, range.edges(), raw);
            }
        }
        Map<String, List<String>> members = new HashMap<>();
        Map<String, Group> groups = regroup(request.kind(), raw, members);
        live(caller, request, groups);
        List<String> shown = keys(request, groups, zone);
        Map<String, Double> medians = medians(caller, request, dim, range, shown, groups, members);
        Map<String, String> labels = labels(request.kind(), Set.copyOf(shown));
        List<Report.Row> rows = new ArrayList<>();
        boolean decisions = request.kind() == ReportKind.BY_RULE || request.kind() == ReportKind.NO_CONTACT;
        for (String key : shown) {
            Group g = groups.getOrDefault(key, new Group());
            Double median = medians.get(key);
            rows.add(new Report.Row(key, labels.getOrDefault(key, key), g.n, g.out,
                    g.back() == 0 ? null : minutes(g.secs), median == null ? null : minutes(median),
                    decisions ? g.approved : null, decisions ? g.denied : null, decisions ? g.blocked : null));
        }
        if (request.kind() != ReportKind.BY_DAY && request.kind() != ReportKind.BY_HOUR) {
            rows.sort(Comparator.comparingLong(Report.Row::count).reversed().thenComparing(Report.Row::label));
        }
        if (request.kind() == ReportKind.BY_STUDENT) {
            reads.students(caller, ReadLog.What.REPORT, "GET /api/reports/by-student", null, Set.copyOf(shown));
        }
        return new Report(request.kind().path(), request.school().getId(), zone.getId(), local(f.from(), zone),
                local(f.to(), zone), rows);
    }

    /** One group's counts, and how many came back after each whole minute out. */
    private static final class Group {

        long n;

        long out;

        long secs;

        long approved;

        long denied;

        long blocked;

        final TreeMap<Integer, Long> minutes = new TreeMap<>();

        void add(ResultSet rs) throws SQLException {
            n += rs.getLong("n");
            out += rs.getLong("went_out");
            secs += rs.getLong("secs");
            approved += rs.getLong("approved");
            denied += rs.getLong("denied");
            blocked += rs.getLong("blocked");
            int minute = rs.getInt("minute_out");
            if (minute != PassSummaries.NOT_BACK) {
                minutes.merge(minute, rs.getLong("n"), Long::sum);
            }
        }

        void add(Group other) {
            n += other.n;
            out += other.out;
            secs += other.secs;
            approved += other.approved;
            denied += other.denied;
            blocked += other.blocked;
            other.minutes.forEach((minute, count) -> minutes.merge(minute, count, Long::sum));
        }

        long back() {
            return minutes.values().stream().mapToLong(Long::longValue).sum();
        }

    }

    /**
     * The report's range on the school's calendar. A range of whole days is read from the
     * month tallies for its whole months and from the summaries for the days around them;
     * a range that starts or ends within a day, from the summaries by time.
     */
    private record Range(PassFilter filter, LocalDate fromDay, LocalDate toDay, boolean wholeDays,
            List<LocalDate> months, List<LocalDate[]> edges) {

        static Range of(PassFilter f, ZoneId zone) {
            LocalDate fromDay = f.from().atZone(zone).toLocalDate();
            LocalDate toDay = f.to().atZone(zone).toLocalDate();
            boolean whole = fromDay.atStartOfDay(zone).toInstant().equals(f.from())
                    && toDay.atStartOfDay(zone).toInstant().equals(f.to());
            if (!whole) {
                return new Range(f, fromDay, toDay.plusDays(1), false, List.of(), List.of());
            }
            LocalDate month = fromDay.withDayOfMonth(1);
            if (month.isBefore(fromDay)) {
                month = month.plusMonths(1);
            }
            List<LocalDate> months = new ArrayList<>();
            for (; !month.plusMonths(1).isAfter(toDay); month = month.plusMonths(1)) {
                months.add(month);
            }
            List<LocalDate[]> edges = new ArrayList<>();
            if (months.isEmpty()) {
                edges.add(new LocalDate[] { fromDay, toDay });
            }
            else {
                LocalDate after = months.get(months.size() - 1).plusMonths(1);
                if (fromDay.isBefore(months.get(0))) {
                    edges.add(new LocalDate[] { fromDay, months.get(0) });
                }
                if (after.isBefore(toDay)) {
                    edges.add(new LocalDate[] { after, toDay });
                }
            }
            return new Range(f, fromDay, toDay, true, months, edges);
        }

        /** The whole range, for the summaries. */
        List<LocalDate[]> summaryDays() {
            List<LocalDate[]> whole = new ArrayList<>();
            whole.add(new LocalDate[] { fromDay, toDay });
            return whole;
        }

        /**
         * Summary rows {@code s} in the given days (and, within days, in the range's
         * times).
         */
        String where(List<LocalDate[]> days, MapSqlParameterSource params) {
            StringBuilder sql = new StringBuilder(" AND (");
            for (int i = 0; i < days.size(); i++) {
                sql.append(i == 0 ? "" : " OR ")
                    .append("(s.local_day >= :day")
                    .append(i)
                    .append("a AND s.local_day < :day")
                    .append(i)
                    .append("b)");
                params.addValue("day" + i + "a", days.get(i)[0]).addValue("day" + i + "b", days.get(i)[1]);
            }
            sql.append(")");
            if (!wholeDays) {
                sql.append(" AND s.requested_at >= :from AND s.requested_at < :to");
                params.addValue("from", LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC))
                    .addValue("to", LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            }
            return sql.toString();
        }

    }

    /**
     * The tallies have state, type and channel; any other filter needs each pass's
     * summary.
     */
    private static boolean fromTallies(PassFilter f) {
        return f.studentId() == null && f.studentNumber() == null && f.teacherId() == null && f.destinationId() == null
                && f.flag() == null && f.ruleSetVersion() == null;
    }

    private void fromTallies(Caller caller, Request request, PassSummaries.Dim dim, Range range,
            Map<String, Group> raw) {
        PassFilter f = request.filter();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("school", f.schoolId())
            .addValue("district", caller.districtId())
            .addValue("dim", dim.code)
            .addValue("months", range.months());
        StringBuilder sql = new StringBuilder("SELECT t.group_key k, t.minute_out, SUM(t.n) n,"
                + " SUM(t.went_out) went_out, SUM(t.secs) secs, SUM(t.approved) approved, SUM(t.denied) denied,"
                + " SUM(t.blocked) blocked FROM pass_tally t WHERE t.school_id = :school AND t.district_id = :district"
                + " AND t.month_start IN (:months) AND t.dim = :dim");
        narrow(sql, params, "t.state = :state", "state", f.state() == null ? null : f.state().name());
        narrow(sql, params, "t.pass_type = :type", "type", f.type() == null ? null : f.type().name());
        narrow(sql, params, "t.channel = :channel", "channel", f.channel() == null ? null : f.channel().name());
        sql.append(" GROUP BY t.group_key, t.minute_out");
        jdbc.query(sql.toString(), params, rs -> {
            raw.computeIfAbsent(key(rs), k -> new Group()).add(rs);
        });
    }

    private void fromSummaries(Caller caller, Request request, PassSummaries.Dim dim, List<LocalDate[]> days,
            Map<String, Group> raw) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT " + summaries.text(dim.key) + " k, s.minute_out, COUNT(*) n, SUM(s.went_out) went_out,"
                + " COALESCE(SUM(s.secs), 0) secs, SUM(s.approved) approved, SUM(s.denied) denied,"
                + " SUM(s.blocked) blocked FROM pass_summary s" + dim.join
                + summaryWhere(caller, request, dim, days, params) + " GROUP BY " + dim.key + ", s.minute_out";
        jdbc.query(sql, params, rs -> {
            raw.computeIfAbsent(key(rs), k -> new Group()).add(rs);
        });
    }

    private String summaryWhere(Caller caller, Request request, PassSummaries.Dim dim, List<LocalDate[]> days,
            MapSqlParameterSource params) {
        PassFilter f = request.filter();
        Range range = Range.of(f, request.school().getTimeZone());
        StringBuilder sql = new StringBuilder(" WHERE s.school_id = :school AND s.district_id = :district");
        params.addValue("school", f.schoolId()).addValue("district", caller.districtId());
        sql.append(range.where(days, params)).append(dim.where);
        narrow(sql, params, "s.student_id = :student", "student", f.studentId());
        narrow(sql, params, "s.student_id IN (SELECT sn.id FROM person sn WHERE sn.district_id = :district"
                + " AND sn.student_number = :studentNumber)", "studentNumber", f.studentNumber());
        narrow(sql, params,
                "(s.routed_to_id = :teacher OR s.section_id IN (SELECT sec.id FROM section sec"
                        + " WHERE sec.main_teacher_id = :teacher OR EXISTS (SELECT 1 FROM section_co_teacher ct"
                        + " WHERE ct.section_id = sec.id AND ct.person_id = :teacher)))",
                "teacher", f.teacherId());
        narrow(sql, params, "s.destination_id = :destination", "destination", f.destinationId());
        narrow(sql, params, "s.state = :state", "state", f.state() == null ? null : f.state().name());
        narrow(sql, params, "s.pass_type = :type", "type", f.type() == null ? null : f.type().name());
        narrow(sql, params, "s.channel = :channel", "channel", f.channel() == null ? null : f.channel().name());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag ff WHERE ff.pass_id = s.pass_id AND ff.code = :flag)",
                "flag", f.flag());
        narrow(sql, params, "EXISTS (SELECT 1 FROM pass_flag fv WHERE fv.pass_id = s.pass_id"
                + " AND fv.rule_set_version = :ruleSetVersion)", "ruleSetVersion", f.ruleSetVersion());
        return sql.toString();
    }

    /**
     * The groups a report shows from the groups counted: the teacher of each section left
     * (teachers change sections; the report names the section's teacher now), else the
     * same.
     */
    private Map<String, Group> regroup(ReportKind kind, Map<String, Group> raw, Map<String, List<String>> members) {
        Map<String, String> shownAs = new HashMap<>();
        if (kind == ReportKind.BY_TEACHER && !raw.isEmpty()) {
            jdbc.query("SELECT id, main_teacher_id FROM section WHERE id IN (:ids)", Map.of("ids", raw.keySet()),
                    rs -> {
                        String teacher = rs.getString("main_teacher_id");
                        shownAs.put(rs.getString("id"), teacher == null ? "" : teacher);
                    });
        }
        Map<String, Group> groups = new HashMap<>();
        raw.forEach((key, group) -> {
            String shown = kind == ReportKind.BY_TEACHER ? shownAs.getOrDefault(key, "") : key;
            groups.computeIfAbsent(shown, k -> new Group()).add(group);
            members.computeIfAbsent(shown, k -> new ArrayList<>()).add(key);
        });
        return groups;
    }

    /**
     * Adds the passes of the range not ended yet (they have no summary): few, found by
     * state, and counted as before the summaries, by the pass rows themselves. They have
     * no time out yet, so they change no median.
     */
    private void live(Caller caller, Request request, Map<String, Group> groups) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Grouping grouping = grouping(request, params);
        String sql = "SELECT " + grouping.key + " k, COUNT(*) n,"
                + " SUM(CASE WHEN p.started_at IS NOT NULL THEN 1 ELSE 0 END) went_out, 0 secs,"
                + " SUM(CASE WHEN p.approved_at IS NOT NULL THEN 1 ELSE 0 END) approved, SUM(CASE WHEN "
                + TEACHER_DENIED + " THEN 1 ELSE 0 END) denied, SUM(CASE WHEN " + POLICY_BLOCKED
                + " THEN 1 ELSE 0 END) blocked, " + PassSummaries.NOT_BACK + " minute_out FROM hall_pass p"
                + grouping.join + where(caller, request.filter(), params) + grouping.where + " AND p.state NOT IN ("
                + PassSummaries.ENDED.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + ") GROUP BY "
                + grouping.key;
        jdbc.query(sql, params, rs -> {
            groups.computeIfAbsent(key(rs), k -> new Group()).add(rs);
        });
    }

    /**
     * The exact median of each group shown, of the passes that came back: the middle one
     * or two by the minute counts, then the seconds of only the passes in their minutes.
     */
    private Map<String, Double> medians(Caller caller, Request request, PassSummaries.Dim dim, Range range,
            List<String> shown, Map<String, Group> groups, Map<String, List<String>> members) {
        record Wanted(String group, int minute, long rank) {
        }
        List<Wanted> wanted = new ArrayList<>();
        Map<String, List<Integer>> minutesOf = new HashMap<>();
        for (String key : shown) {
            Group g = groups.get(key);
            long m = g == null ? 0 : g.back();
            if (m == 0 || !members.containsKey(key)) {
                continue;
            }
            for (long rank : (m % 2 == 1 ? List.of((m + 1) / 2) : List.of(m / 2, m / 2 + 1))) {
                long before = 0;
                for (Map.Entry<Integer, Long> bucket : g.minutes.entrySet()) {
                    if (before + bucket.getValue() >= rank) {
                        wanted.add(new Wanted(key, bucket.getKey(), rank - before));
                        List<Integer> minutes = minutesOf.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!minutes.contains(bucket.getKey())) {
                            minutes.add(bucket.getKey());
                        }
                        break;
                    }
                    before += bucket.getValue();
                }
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        Map<String, String> groupOf = new HashMap<>();
        StringBuilder which = new StringBuilder(" AND (");
        int i = 0;
        for (Map.Entry<String, List<Integer>> entry : minutesOf.entrySet()) {
            List<Object> keys = new ArrayList<>();
            for (String member : members.get(entry.getKey())) {
                groupOf.put(member, entry.getKey());
                keys.add(dim.param.apply(member));
            }
            which.append(i == 0 ? "" : " OR ")
                .append("(")
                .append(dim.key)
                .append(" IN (:k")
                .append(i)
                .append(") AND s.minute_out IN (:m")
                .append(i)
                .append("))");
            params.addValue("k" + i, keys).addValue("m" + i, entry.getValue());
            i++;
        }
        which.append(")");
        String sql = "SELECT " + summaries.text(dim.key) + " k, s.minute_out, s.secs FROM pass_summary s"
                + summaries.lookupHint(dim) + dim.join + summaryWhere(caller, request, dim, range.summaryDays(), params)
                + which;
        Map<String, List<Integer>> secs = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            String group = groupOf.get(key(rs));
            secs.computeIfAbsent(group + "/" + rs.getInt("minute_out"), k -> new ArrayList<>()).add(rs.getInt("secs"));
        });
        secs.values().forEach(list -> list.sort(null));
        Map<String, List<Integer>> middle = new HashMap<>();
        for (Wanted w : wanted) {
            List<Integer> bucket = secs.getOrDefault(w.group() + "/" + w.minute(), List.of());
            if (w.rank() <= bucket.size()) {
                middle.computeIfAbsent(w.group(), k -> new ArrayList<>()).add(bucket.get((int) w.rank() - 1));
            }
        }
        Map<String, Double> medians = new HashMap<>();
        middle.forEach((group, values) -> medians.put(group,
                values.stream().mapToInt(Integer::intValue).average().orElseThrow()));
        return medians;
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
    private static List<String> keys(Request request, Map<String, Group> groups, ZoneId zone) {
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
            return groups.keySet().stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        if (request.kind() == ReportKind.BY_STUDENT) {
            return groups.entrySet()
                .stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Group> e) -> e.getValue().n)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
                .limit(request.top())
                .map(Map.Entry::getKey)
                .toList();
        }
        return List.copyOf(groups.keySet());
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

package org.corridor.benchmark.bellrush;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The crash test's checks, in SQL against the service's MariaDB database (see
 * bench/crash-test.sh). {@code crash-snapshot} runs while the killed service is down: it
 * checks every open pass still has its timers and lists the timers already overdue.
 * {@code crash-verify} runs after the restart: it waits (at most {@code --patience}
 * seconds after the restart) for the overdue timers to fire, then checks every answered
 * request against the database. Each check prints PASS or FAIL.
 */
final class CrashCheck {

    private static final String LONG_RUNNING_TIMER = "Boundary_LongRunning";

    private static final String AUTO_END_TIMER = "Boundary_AutoEnd";

    private static final String EXPIRY_TIMER = "Boundary_RequestExpired";

    private static final String WAITING_TIMER = "Event_WaitingExpired";

    private static final Set<String> OPEN = Set.of("REQUESTED", "PENDING", "WAITING", "ACTIVE", "LONG_RUNNING");

    private CrashCheck() {
    }

    static void snapshot(Args args) throws SQLException, IOException {
        try (Connection db = connect(args)) {
            Map<String, String> states = states(db);
            Map<String, Set<String>> timers = timers(db);
            boolean ok = timersPresent("before the restart", states, timers);
            StringBuilder overdue = new StringBuilder();
            int count = 0;
            Instant now = Instant.now();
            try (PreparedStatement s = db
                .prepareStatement("select e.BUSINESS_KEY_, d.ACT_ID_, j.DUEDATE_ from ACT_RU_JOB j "
                        + "join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
                        + "join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_ where j.TYPE_ = 'timer' and j.DUEDATE_ < ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        overdue.append(rs.getString(1))
                            .append('\t')
                            .append(rs.getString(2))
                            .append('\t')
                            .append(rs.getTimestamp(3).toInstant().toEpochMilli())
                            .append('\n');
                        count++;
                    }
                }
            }
            Files.writeString(Path.of(args.string("out", null)), overdue);
            System.out.printf("Service down: %d passes open (%s); %d timers overdue now%n", open(states).size(),
                    countByState(states), count);
            if (!ok) {
                System.exit(1);
            }
        }
    }

    static boolean verify(Args args) throws SQLException, IOException, InterruptedException {
        Instant restartedAt = Instant.ofEpochMilli(args.longValue("restarted-at", 0));
        int patience = args.integer("patience", 60);
        List<String[]> overdue = lines(Path.of(args.string("overdue", null)));
        Map<String, String> answered = new LinkedHashMap<>();
        for (String[] line : lines(Path.of(args.string("record", null)))) {
            if (line.length >= 3) {
                answered.merge(line[0], line[1], (was, now) -> rank(now) >= rank(was) ? now : was);
            }
        }
        boolean ok = true;
        try (Connection db = connect(args)) {
            // 1. Overdue timers fire within the patience after the restart (the JVM's
            // launch).
            Set<String> longRunningDue = new HashSet<>();
            overdue.stream()
                .filter(l -> l.length >= 3 && LONG_RUNNING_TIMER.equals(l[1]))
                .forEach(l -> longRunningDue.add(l[0]));
            Instant deadline = restartedAt.plusSeconds(patience);
            Map<String, Instant> marked = new HashMap<>();
            while (true) {
                marked = longRunningAt(db, longRunningDue);
                int stillDue = overdueTimers(db, restartedAt);
                if ((marked.size() == longRunningDue.size() && stillDue == 0) || Instant.now().isAfter(deadline)) {
                    long latest = marked.values()
                        .stream()
                        .mapToLong(i -> i.toEpochMilli() - restartedAt.toEpochMilli())
                        .max()
                        .orElse(0);
                    ok &= check(marked.size() == longRunningDue.size() && stillDue == 0,
                            "overdue timers fire within " + patience + " s of the restart",
                            String.format(
                                    "%d of %d overdue long-running timers fired (the last %.1f s after the JVM "
                                            + "was launched); %d of %d overdue timers of any kind still waiting",
                                    marked.size(), longRunningDue.size(), latest / 1000.0, stillDue, overdue.size()));
                    break;
                }
                Thread.sleep(500);
            }

            Map<String, String> states = states(db);
            // 2. Every answered request exists, in a state at or after the last answer.
            List<String> missing = new ArrayList<>();
            List<String> behind = new ArrayList<>();
            answered.forEach((id, last) -> {
                String state = states.get(id);
                if (state == null) {
                    missing.add(id);
                }
                else if (!consistent(last, state)) {
                    behind.add(id + " answered " + last + " but " + state);
                }
            });
            Map<String, Integer> lastAnswers = new TreeMap<>();
            answered.values().forEach(v -> lastAnswers.merge(v, 1, Integer::sum));
            ok &= check(missing.isEmpty(), "every request answered 201 exists", answered.size()
                    + " passes answered 201 (last answer per pass: " + lastAnswers + "); missing: " + sample(missing));
            ok &= check(behind.isEmpty(), "every answered pass is in a state consistent with its last answer",
                    "states now " + countByState(filter(states, answered.keySet())) + "; inconsistent: "
                            + sample(behind));

            // 3. Open passes have exactly one running process; closed ones none.
            Map<String, Integer> running = counts(db, "select BUSINESS_KEY_, count(*) from ACT_RU_EXECUTION "
                    + "where ID_ = PROC_INST_ID_ and PROC_DEF_ID_ like 'pass-lifecycle:%' group by BUSINESS_KEY_");
            List<String> wrong = new ArrayList<>();
            states.forEach((id, state) -> {
                int instances = running.getOrDefault(id, 0);
                if (OPEN.contains(state) ? instances != 1 : instances != 0) {
                    wrong.add(id + " " + state + " with " + instances + " running instances");
                }
            });
            running.keySet()
                .stream()
                .filter(id -> !states.containsKey(id))
                .forEach(id -> wrong.add("process " + id + " without a pass"));
            ok &= check(wrong.isEmpty(), "every open pass has exactly one running process instance, closed ones none",
                    states.size() + " passes in the database (" + countByState(states) + "); wrong: " + sample(wrong));

            // 4. No pass has two process instances, running or finished.
            Map<String, Integer> history = counts(db, "select BUSINESS_KEY_, count(*) from ACT_HI_PROCINST "
                    + "where PROC_DEF_KEY_ = 'pass-lifecycle' group by BUSINESS_KEY_ having count(*) > 1");
            Map<String, Integer> twice = counts(db, "select BUSINESS_KEY_, count(*) from ACT_RU_EXECUTION "
                    + "where ID_ = PROC_INST_ID_ group by BUSINESS_KEY_ having count(*) > 1");
            ok &= check(history.isEmpty() && twice.isEmpty(), "no pass has two process instances",
                    "in history: " + sample(new ArrayList<>(history.keySet())) + "; running: "
                            + sample(new ArrayList<>(twice.keySet())));

            // 5. After the restart every open pass still has its timers.
            ok &= timersPresent("after the restart", states, timers(db));

            // 6. Each destination's count of students out (V9) is its passes out: the
            // counters commit with the passes.
            String outThere = "(select count(*) from hall_pass p where p.destination_id = l.id "
                    + "and p.state in ('ACTIVE', 'LONG_RUNNING'))";
            Map<String, Integer> miscounted = counts(db,
                    "select l.id, coalesce(o.out_now, 0) - " + outThere
                            + " from location l left join destination_occupancy o on o.location_id = l.id"
                            + " where coalesce(o.out_now, 0) <> " + outThere);
            ok &= check(miscounted.isEmpty(), "every destination's count of students out equals its passes out",
                    "counter minus passes out, per location that differs: " + miscounted);

            // 7. No destination ever had more students out than its capacity, not
            // counting those a teacher sent
            // knowing it was full (DESTINATION_FULL acknowledged): a pass that starts
            // without that flag found a
            // free place, so at the moment each such pass started, those out without it
            // were at most the capacity.
            String unflagged = "not exists (select 1 from pass_flag f where f.pass_id = %s.id and f.code = 'DESTINATION_FULL')";
            String outThen = "(select count(*) from hall_pass q where q.destination_id = p.destination_id "
                    + "and q.started_at <= p.started_at and (q.ended_at is null or q.ended_at > p.started_at) and "
                    + unflagged.formatted("q") + ")";
            Map<String, Integer> overfull = counts(db,
                    "select place, most from (select concat(l.name, ' (', l.id, ', ', "
                            + "l.capacity, ' places)') place, l.capacity, max(" + outThen + ") most "
                            + "from hall_pass p join location l on l.id = p.destination_id "
                            + "where l.capacity > 0 and p.started_at is not null and " + unflagged.formatted("p")
                            + " group by l.id, l.name, l.capacity) t where most > capacity");
            ok &= check(overfull.isEmpty(),
                    "no destination ever had more students out than its capacity "
                            + "(but for those a teacher sent knowing it was full)",
                    "most out at once, per destination over: " + overfull);

            // 8. Each school's hallway counts (V16, by who made the pass) are its passes
            // out: the hallway limit reads them.
            String hallOut = "(select count(*) from hall_pass p where p.school_id = s.id "
                    + "and p.state in ('ACTIVE', 'LONG_RUNNING') and %s)";
            String students = hallOut.formatted("p.channel <> 'KIOSK' and p.pass_type in ('REGULAR', 'AUTO')");
            String teachers = hallOut.formatted("p.channel <> 'KIOSK' and p.pass_type in ('PROXY', 'APPOINTMENT')");
            String kiosk = hallOut.formatted("p.channel = 'KIOSK'");
            Map<String, Integer> hallMiscounted = counts(db, "select s.id, abs(coalesce(h.students_out, 0) - "
                    + students + ") + abs(coalesce(h.teachers_out, 0) - " + teachers
                    + ") + abs(coalesce(h.kiosk_out, 0) - " + kiosk + ") "
                    + "from school s left join hall_occupancy h on h.school_id = s.id where coalesce(h.students_out, 0) <> "
                    + students + " or coalesce(h.teachers_out, 0) <> " + teachers + " or coalesce(h.kiosk_out, 0) <> "
                    + kiosk);
            ok &= check(hallMiscounted.isEmpty(), "every school's hallway counts equal its passes out",
                    "total difference, per school that differs: " + hallMiscounted);
        }
        System.out.println(ok ? "CRASH TEST PASSED" : "CRASH TEST FAILED");
        return ok;
    }

    private static boolean timersPresent(String when, Map<String, String> states, Map<String, Set<String>> timers) {
        List<String> lacking = new ArrayList<>();
        int active = 0;
        for (Map.Entry<String, String> pass : states.entrySet()) {
            Set<String> has = timers.getOrDefault(pass.getKey(), Set.of());
            List<String> needs = switch (pass.getValue()) {
                case "ACTIVE" -> List.of(LONG_RUNNING_TIMER, AUTO_END_TIMER);
                case "LONG_RUNNING" -> List.of(AUTO_END_TIMER);
                case "PENDING" -> List.of(EXPIRY_TIMER);
                case "WAITING" -> List.of(WAITING_TIMER);
                default -> List.of();
            };
            if (pass.getValue().equals("ACTIVE") || pass.getValue().equals("LONG_RUNNING")) {
                active++;
            }
            for (String timer : needs) {
                if (!has.contains(timer)) {
                    lacking.add(pass.getKey() + " " + pass.getValue() + " lacks " + timer);
                }
            }
        }
        return check(lacking.isEmpty(), "every open pass has its timers " + when, active + " passes out, "
                + states.values().stream().filter("PENDING"::equals).count() + " pending; lacking: " + sample(lacking));
    }

    private static boolean consistent(String lastAnswer, String state) {
        return switch (lastAnswer) {
            case "ENDED", "CHECKED_IN" -> state.equals("COMPLETED");
            case "APPROVED" ->
                Set.of("WAITING", "ACTIVE", "LONG_RUNNING", "COMPLETED", "ENDED_BY_SYSTEM", "EXPIRED", "CANCELLED")
                    .contains(state);
            default -> !state.equals("REQUESTED");
        };
    }

    private static int rank(String answer) {
        return switch (answer) {
            case "CREATED" -> 0;
            case "APPROVED" -> 1;
            default -> 2;
        };
    }

    private static Map<String, String> states(Connection db) throws SQLException {
        Map<String, String> states = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select id, state from hall_pass");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getString(2));
            }
        }
        return states;
    }

    private static Map<String, Set<String>> timers(Connection db) throws SQLException {
        Map<String, Set<String>> timers = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select e.BUSINESS_KEY_, d.ACT_ID_ from ACT_RU_JOB j "
                + "join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ "
                + "join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_ where j.TYPE_ = 'timer'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                timers.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return timers;
    }

    private static Map<String, Instant> longRunningAt(Connection db, Set<String> ids) throws SQLException {
        Map<String, Instant> marked = new HashMap<>();
        try (PreparedStatement s = db
            .prepareStatement("select id, long_running_at from hall_pass " + "where long_running_at is not null");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (ids.contains(rs.getString(1))) {
                    // Corridor writes its timestamps in UTC (hibernate.jdbc.time_zone).
                    marked.put(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            }
        }
        return marked;
    }

    private static int overdueTimers(Connection db, Instant before) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and PROCESS_INSTANCE_ID_ is not null and DUEDATE_ < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Integer> counts(Connection db, String sql) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static Set<String> open(Map<String, String> states) {
        Set<String> open = new HashSet<>();
        states.forEach((id, state) -> {
            if (OPEN.contains(state)) {
                open.add(id);
            }
        });
        return open;
    }

    private static Map<String, String> filter(Map<String, String> states, Set<String> ids) {
        Map<String, String> some = new HashMap<>();
        ids.forEach(id -> {
            if (states.containsKey(id)) {
                some.put(id, states.get(id));
            }
        });
        return some;
    }

    private static Map<String, Integer> countByState(Map<String, String> states) {
        Map<String, Integer> counts = new TreeMap<>();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static String sample(List<String> items) {
        return items.isEmpty() ? "none"
                : items.size() + " (" + String.join("; ", items.subList(0, Math.min(5, items.size()))) + ")";
    }

    private static boolean check(boolean passed, String what, String detail) {
        System.out.printf("%s  %s: %s%n", passed ? "PASS" : "FAIL", what, detail);
        return passed;
    }

    private static List<String[]> lines(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.split("\t"));
            }
        }
        return lines;
    }

    private static Connection connect(Args args) throws SQLException {
        return DriverManager.getConnection(args.string("db-url", null), args.string("db-user", "root"),
                args.string("db-password", ""));
    }

}

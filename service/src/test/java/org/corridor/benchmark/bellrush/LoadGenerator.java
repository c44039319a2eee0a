package org.corridor.benchmark.bellrush;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives complete pass lifecycles over HTTP (HTTP/1.1 keep-alive; HTTP Basic on every
 * call, or with {@code --sessions} a form login once per person and then the session
 * cookie and CSRF token, as a browser does) against a running service: the student asks
 * ({@code POST /api/passes}, REGULAR, with an Idempotency-Key), the teacher reads the
 * Requests tab ({@code GET /api/requests}) and approves the request found there with the
 * flags it showed, then the student ends the pass (even lifecycles) or the teacher checks
 * the student back in (odd ones). A student is taken from their class's pool of free
 * students and put back only when their pass is over, so nobody ever holds two open
 * passes.
 * <p>
 * Closed loop (default): {@code --concurrency} workers, each running lifecycles back to
 * back, no think time: the maximum rate. Open loop ({@code --rate R}): a lifecycle starts
 * every 1/R s whatever happens to the earlier ones; the request's latency counts from the
 * moment it was due, so a stalled service cannot hide its queue (no coordinated
 * omission).
 * <p>
 * Crash mode ({@code --record file}): every answered 201/200 is appended (and flushed) as
 * {@code passId TAB CREATED|APPROVED|ENDED|CHECKED_IN TAB epochMillis}; every
 * {@code --leave-active-every}th lifecycle stops after the approval and every
 * {@code --leave-pending-every}th after the request, so there are open passes with timers
 * when the service is killed. With {@code --auto-every N} every Nth lifecycle starts an
 * AUTO pass to a destination that allows them instead: one that finds a free place is out
 * at once (recorded as APPROVED) and goes on to its end; one that finds the destination
 * full is a request the teacher approves.
 */
final class LoadGenerator {

    static final String[] CALLS = { "POST /api/passes (request -> routed)", "GET /api/requests (teacher's tab)",
            "POST /api/passes/{id}/approve", "POST /api/passes/{id}/end (student)",
            "POST /api/passes/{id}/check-in (teacher)", "whole lifecycle (4 calls)",
            "POST /login (sessions: once per person)" };

    private static final String REQUEST = CALLS[0];

    private static final String REQUESTS = CALLS[1];

    private static final String APPROVE = CALLS[2];

    private static final String END = CALLS[3];

    private static final String CHECK_IN = CALLS[4];

    private static final String LIFECYCLE = CALLS[5];

    private static final String SIGN_IN = CALLS[6];

    private final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String base;

    private final List<Klass> classes;

    /**
     * Sign in once per person and keep the session (true), or HTTP Basic on every call.
     */
    private boolean sessions;

    private final Map<String, Latencies> latencies = new LinkedHashMap<>();

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();

    private final LongAdder lifecycles = new LongAdder();

    private final LongAdder lifecyclesStarted = new LongAdder();

    private final LongAdder flagRetries = new LongAdder();

    private final LongAdder noFreeStudent = new LongAdder();

    private final LongAdder leaked = new LongAdder();

    private final int leaveActiveEvery;

    private final int autoEvery;

    private final int leavePendingEvery;

    private final PrintWriter record;

    private volatile boolean recording;

    private volatile boolean stop;

    /**
     * Statement counting (one call at a time): marks each call in the database server's
     * general log.
     */
    private StatementCounter counter;

    /**
     * Someone who calls the service: with HTTP Basic on every call, or (sessions) signed
     * in once by the form login, then carrying the session cookie and, on every POST, the
     * CSRF token as the web front end does.
     */
    static final class Account {

        private final String email;

        private final String basic;

        private volatile String cookie;

        private volatile String xsrf;

        Account(String email) {
            this.email = email;
            this.basic = "Basic "
                    + Base64.getEncoder().encodeToString((email + ":demo").getBytes(StandardCharsets.UTF_8));
        }

    }

    record Student(Account account) {
    }

    record Klass(String section, String school, Account teacher, List<String> destinations,
            List<String> autoDestinations, ConcurrentLinkedQueue<Student> free) {
    }

    private record Answer(int status, String body) {
    }

    private LoadGenerator(String base, List<Klass> classes, int leaveActiveEvery, int leavePendingEvery, int autoEvery,
            PrintWriter record) {
        this.autoEvery = autoEvery;
        this.base = base;
        this.classes = classes;
        this.leaveActiveEvery = leaveActiveEvery;
        this.leavePendingEvery = leavePendingEvery;
        this.record = record;
        for (String call : CALLS) {
            latencies.put(call, new Latencies());
        }
    }

    static void run(Args args) throws Exception {
        String base = args.string("base-url", null);
        List<Klass> classes = plan(args);
        int concurrency = args.integer("concurrency", 8);
        double rate = args.decimal("rate", 0);
        int warmup = args.integer("warmup", 15);
        int seconds = args.integer("seconds", 60);
        PrintWriter record = args.has("record")
                ? new PrintWriter(new FileWriter(args.string("record", null), StandardCharsets.UTF_8, true), false)
                : null;
        LoadGenerator load = new LoadGenerator(base, classes, args.integer("leave-active-every", 0),
                args.integer("leave-pending-every", 0), args.integer("auto-every", 0), record);
        load.sessions = args.has("sessions");
        ProcSampler sampler = new ProcSampler().watch("service", args.longValue("service-pid", 0))
            .watch("service2", args.longValue("service-pid-2", 0))
            .watch("proxy", args.longValue("proxy-pid", 0))
            .watch("mariadbd", args.longValue("db-pid", 0))
            .watch("loadgen", ProcessHandle.current().pid());
        String mode = (rate > 0 ? String.format("open loop at %.1f lifecycles/s", rate)
                : "closed loop, " + concurrency + " concurrent classes")
                + (load.sessions ? ", sessions (signed in once per person)" : ", HTTP Basic on every call");
        System.out.printf("Bell rush over HTTP: %s; %d classes, %d students; %d s warm-up, %d s measured%n", mode,
                classes.size(), classes.stream().mapToInt(k -> k.free().size()).sum(), warmup, seconds);

        List<Thread> threads = new ArrayList<>();
        ExecutorService pool = null;
        if (rate > 0) {
            pool = Executors.newFixedThreadPool(Math.max(concurrency, 256));
            ExecutorService lifecyclesPool = pool;
            Thread dispatcher = new Thread(() -> load.openLoop(rate, lifecyclesPool), "dispatcher");
            threads.add(dispatcher);
        }
        else {
            for (int i = 0; i < concurrency; i++) {
                int worker = i;
                threads.add(new Thread(() -> load.closedLoop(worker), "class-" + i));
            }
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmup * 1000L);
        load.recording = true;
        sampler.start();
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        load.recording = false;
        double measured = (System.nanoTime() - began) / 1e9;
        Map<String, Object> usage = sampler.stop();
        load.stop = true;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        if (pool != null) {
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        if (record != null) {
            record.close();
        }
        load.report(mode, measured, usage, args.has("out") ? Path.of(args.string("out", null)) : null);
    }

    /**
     * The seeded classes, their teachers, students and destinations, read from the
     * service's database.
     */
    private static List<Klass> plan(Args args) throws SQLException {
        List<Klass> classes = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(args.string("db-url", null), args.string("db-user", "root"),
                args.string("db-password", ""))) {
            try (PreparedStatement s = db.prepareStatement("select s.id, s.school_id, t.email from section s "
                    + "join person t on t.id = s.main_teacher_id where s.name like ? order by s.name")) {
                s.setString(1, Seed.SECTION_PREFIX + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        classes.add(new Klass(rs.getString(1), rs.getString(2), new Account(rs.getString(3)),
                                new ArrayList<>(), new ArrayList<>(), new ConcurrentLinkedQueue<>()));
                    }
                }
            }
            for (Klass k : classes) {
                try (PreparedStatement s = db.prepareStatement("select p.email from section_student e join person p "
                        + "on p.id = e.person_id where e.section_id = ? and not exists (select 1 from hall_pass h "
                        + "where h.open_student_id = p.id) order by p.email")) {
                    s.setString(1, k.section());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            k.free().add(new Student(new Account(rs.getString(1))));
                        }
                    }
                }
                try (PreparedStatement s = db.prepareStatement(
                        "select id, auto_pass_allowed from location where school_id = ? and is_destination order by name")) {
                    s.setString(1, k.school());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            k.destinations().add(rs.getString(1));
                            if (rs.getBoolean(2)) {
                                k.autoDestinations().add(rs.getString(1));
                            }
                        }
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no bell-rush classes in the database: run BellRush seed first");
        }
        return classes;
    }

    private void closedLoop(int worker) {
        long seq = worker;
        while (!stop) {
            if (!lifecycle(worker, seq, 0)) {
                LockSupport.parkNanos(1_000_000);
            }
            seq += 1;
        }
    }

    private void openLoop(double rate, ExecutorService pool) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (long i = 0; !stop; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long seq = i;
            pool.execute(() -> {
                if (!stop && !lifecycle((int) (seq % classes.size()), seq, due)) {
                    noFreeStudent.increment();
                }
            });
        }
    }

    /**
     * One lifecycle; false if no student was free. {@code due} is when an open loop meant
     * to start it (0: now).
     */
    private boolean lifecycle(int preferred, long seq, long due) {
        Klass klass = null;
        Student student = null;
        for (int i = 0; i < classes.size() && student == null; i++) {
            klass = classes.get((preferred + i) % classes.size());
            student = klass.free().poll();
        }
        if (student == null) {
            return false;
        }
        boolean inWindow = recording;
        long began = due > 0 ? due : System.nanoTime();
        boolean giveBack = false;
        try {
            giveBack = steps(klass, student, seq, began);
            if (giveBack && inWindow && recording) {
                lifecycles.increment();
                latencies.get(LIFECYCLE).add((System.nanoTime() - began) / 1000);
            }
        }
        catch (IOException | RuntimeException e) {
            error("exception " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            if (giveBack) {
                klass.free().add(student);
            }
            else {
                leaked.increment();
            }
        }
        if (inWindow) {
            lifecyclesStarted.increment();
        }
        return true;
    }

    /**
     * @return true when the student is free again (their pass is over)
     */
    private boolean steps(Klass klass, Student student, long seq, long began) throws IOException, InterruptedException {
        boolean auto = autoEvery > 0 && seq % autoEvery == autoEvery - 1 && !klass.autoDestinations().isEmpty();
        List<String> choices = auto ? klass.autoDestinations() : klass.destinations();
        String destination = choices.get((int) (seq % choices.size()));
        String body = "{\"departingFromSectionId\":\"" + klass.section() + "\",\"destinationId\":\"" + destination
                + "\",\"type\":\"" + (auto ? "AUTO" : "REGULAR") + "\"}";
        Answer asked = call(REQUEST, "POST", "/api/passes", student.account(), body, UUID.randomUUID().toString(),
                began);
        if (asked.status() != 201) {
            error(REQUEST, asked);
            if (asked.status() < 0) {
                Thread.sleep(100); // the service is down (the crash test): do not spin
            }
            // No pass was made (refused, or rolled back), unless the answer was lost on
            // the way (I/O error) or
            // the student somehow has an open pass (409): then the student is not used
            // again.
            return asked.status() > 0 && asked.status() != 409;
        }
        JsonNode made = json.readTree(asked.body());
        String passId = made.get("id").asText();
        note(passId, "CREATED");
        if (made.get("state").asText().equals("ACTIVE")) {
            note(passId, "APPROVED"); // an auto pass that found a free place
        }
        else {
            Boolean left = approve(klass, passId, seq);
            if (left != null) {
                return left;
            }
        }
        if (leaveActiveEvery > 0 && seq % leaveActiveEvery == leaveActiveEvery - 1) {
            return false;
        }

        boolean byStudent = seq % 2 == 0;
        Answer over = byStudent ? call(END, "POST", "/api/passes/" + passId + "/end", student.account(), null, null, 0)
                : call(CHECK_IN, "POST", "/api/passes/" + passId + "/check-in", klass.teacher(), null, null, 0);
        if (over.status() != 200) {
            error(byStudent ? END : CHECK_IN, over);
            return false;
        }
        note(passId, byStudent ? "ENDED" : "CHECKED_IN");
        return true;
    }

    /**
     * The teacher reads the Requests tab and approves the pass with the flags it showed.
     * @return null when the student is out, else whether the student is free again (as
     * {@link #steps})
     */
    private Boolean approve(Klass klass, String passId, long seq) throws IOException, InterruptedException {
        if (leavePendingEvery > 0 && seq % leavePendingEvery == leavePendingEvery - 1) {
            return false;
        }

        Answer tab = call(REQUESTS, "GET", "/api/requests", klass.teacher(), null, null, 0);
        List<String> seen = new ArrayList<>();
        if (tab.status() != 200) {
            error(REQUESTS, tab);
        }
        else {
            boolean listed = false;
            for (JsonNode pass : json.readTree(tab.body())) {
                if (passId.equals(pass.get("id").asText())) {
                    listed = true;
                    pass.get("flags").forEach(flag -> seen.add(flag.get("code").asText()));
                }
            }
            if (!listed) {
                error(REQUESTS + ": pass not listed", passId);
            }
        }

        Answer approved = call(APPROVE, "POST", "/api/passes/" + passId + "/approve", klass.teacher(),
                acknowledging(seen), null, 0);
        if (approved.status() == 409 && approved.body().contains("flags-changed")) {
            // The flags moved between reading the tab and approving (another student went
            // out): a teacher
            // looks at the new flags and approves again.
            flagRetries.increment();
            List<String> now = new ArrayList<>();
            json.readTree(approved.body()).path("flags").forEach(flag -> now.add(flag.get("code").asText()));
            approved = call(APPROVE, "POST", "/api/passes/" + passId + "/approve", klass.teacher(), acknowledging(now),
                    null, 0);
        }
        if (approved.status() != 200) {
            error(APPROVE, approved);
            Answer cancelled = call("POST /api/passes/{id}/cancel (clean-up)", "POST",
                    "/api/passes/" + passId + "/cancel", klass.teacher(), null, null, 0);
            return cancelled.status() == 200;
        }
        note(passId, "APPROVED");
        return null;
    }

    /**
     * The form login as the sign-in page does it (the CSRF token and its cookie from GET
     * /api/sign-in-options, then POST /login), keeping the new session's cookie and the
     * CSRF cookie it sets. The POST is timed as a call of its own.
     */
    private boolean signIn(Account account) throws InterruptedException {
        String tokenCookie;
        String token;
        try {
            HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sign-in-options"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
            tokenCookie = options.headers()
                .allValues("Set-Cookie")
                .stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(pair -> pair.startsWith("XSRF-TOKEN=") && pair.length() > "XSRF-TOKEN=".length())
                .findFirst()
                .orElse("");
            token = json.readTree(options.body()).path("csrf").path("token").asText();
        }
        catch (IOException e) {
            error(SIGN_IN + " -> I/O error", e.getMessage());
            return false;
        }
        String form = "username=" + java.net.URLEncoder.encode(account.email, StandardCharsets.UTF_8)
                + "&password=demo&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/login"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", tokenCookie)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        boolean inWindow = recording;
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            error(SIGN_IN + " -> I/O error", e.getMessage());
            return false;
        }
        if (inWindow) {
            latencies.get(SIGN_IN).add((System.nanoTime() - sent) / 1000);
        }
        String session = null;
        String xsrf = null;
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            if (pair.startsWith("JSESSIONID=")) {
                session = pair;
            }
            else if (pair.startsWith("XSRF-TOKEN=") && pair.length() > "XSRF-TOKEN=".length()) {
                xsrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
        // success is a redirect to "/" (a failure redirects to the problem answer, or
        // answers 401)
        if (response.statusCode() != 302 || session == null || xsrf == null
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            error(SIGN_IN + " -> " + response.statusCode(), response.body());
            return false;
        }
        account.xsrf = xsrf;
        account.cookie = session + "; XSRF-TOKEN=" + xsrf;
        return true;
    }

    private String acknowledging(List<String> codes) throws IOException {
        return "{\"acknowledgedFlags\":" + json.writeValueAsString(codes) + "}";
    }

    private Answer call(String name, String method, String path, Account account, String body, String idempotencyKey,
            long due) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
        if (sessions) {
            if (account.cookie == null && !signIn(account)) {
                return new Answer(-1, "sign-in failed");
            }
            request.header("Cookie", account.cookie);
            if (!method.equals("GET")) {
                request.header("X-XSRF-TOKEN", account.xsrf);
            }
        }
        else {
            request.header("Authorization", account.basic);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean inWindow = recording;
        if (counter != null) {
            counter.mark("call " + name);
        }
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body());
        }
        catch (IOException e) {
            answer = new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (counter != null) {
            counter.mark("done");
        }
        if (inWindow && answer.status() > 0) {
            // clean-up calls after a failed approval have no row of their own in the
            // table
            Latencies row = latencies.get(name);
            if (row != null) {
                row.add((System.nanoTime() - (due > 0 ? due : sent)) / 1000);
            }
        }
        return answer;
    }

    private boolean error(String call, Answer answer) {
        error(call + " -> " + (answer.status() < 0 ? "I/O error" : String.valueOf(answer.status())), answer.body());
        return false;
    }

    private void error(String what, String sample) {
        if (!stop) {
            errors.computeIfAbsent(what, k -> new LongAdder()).increment();
            errorSamples.putIfAbsent(what, sample == null ? "" : sample.substring(0, Math.min(300, sample.length())));
        }
    }

    private void note(String passId, String what) {
        if (record != null) {
            synchronized (record) {
                record.println(passId + "\t" + what + "\t" + System.currentTimeMillis());
                record.flush();
            }
        }
    }

    private void report(String mode, double seconds, Map<String, Object> usage, Path out) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        double rate = lifecycles.sum() / seconds;
        properties.put("mode", mode);
        properties.put("seconds", Math.round(seconds * 10) / 10.0);
        properties.put("lifecycles", lifecycles.sum());
        properties.put("lifecycles_per_s", Math.round(rate * 10) / 10.0);
        properties.put("flag_retries", flagRetries.sum());
        properties.put("no_free_student", noFreeStudent.sum());
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        properties.put("errors", errorCount);
        System.out.printf(
                "%n%s: %d full lifecycles in %.1f s = %.1f lifecycles/s; errors %d; approvals retried "
                        + "after flags changed %d%n",
                mode, lifecycles.sum(), seconds, rate, errorCount, flagRetries.sum());
        System.out.println(Latencies.header());
        latencies.forEach((name, l) -> {
            Latencies.Summary summary = l.summary();
            if (summary.count() > 0) {
                System.out.println(summary.row(name));
                properties.putAll(summary.asProperties("latency." + key(name)));
            }
        });
        new TreeMap<>(errors).forEach((what, count) -> {
            System.out.printf("error: %s x %d (e.g. %s)%n", what, count.sum(), errorSamples.get(what));
            properties.put("error." + key(what), count.sum());
        });
        System.out.println("usage: " + usage);
        properties.putAll(usage);
        if (out != null) {
            StringBuilder text = new StringBuilder();
            properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(out, text);
        }
    }

    /**
     * Statements per call and per lifecycle: {@code --lifecycles} lifecycles one after
     * the other (after {@code --warmup-lifecycles} uncounted ones), counted from the
     * database server's general log ({@link StatementCounter}; {@code --general-log}
     * names the file, in a directory the server may write).
     */
    static void countStatements(Args args) throws Exception {
        String base = args.string("base-url", null);
        String url = args.string("db-url", null);
        List<Klass> classes = plan(args);
        LoadGenerator load = new LoadGenerator(base, classes, 0, 0, 0, null);
        load.sessions = args.has("sessions");
        int warm = args.integer("warmup-lifecycles", 50);
        int lifecycles = args.integer("lifecycles", 200);
        for (int i = 0; i < warm; i++) {
            load.lifecycle(i % classes.size(), i, 0);
        }
        try (StatementCounter counter = new StatementCounter(url, args.string("db-user", "root"),
                args.string("db-password", ""), url.substring(url.lastIndexOf('/') + 1).split("\\?")[0],
                Path.of(args.string("general-log", "/var/lib/mysql/bellrush-general.log")))) {
            load.counter = counter;
            load.recording = true;
            counter.start();
            try {
                for (int i = 0; i < lifecycles; i++) {
                    load.lifecycle(i % classes.size(), warm + i, 0);
                }
            }
            finally {
                counter.stop();
                load.recording = false;
            }
            long errorCount = load.errors.values().stream().mapToLong(LongAdder::sum).sum();
            new TreeMap<>(load.errors).forEach((what, count) -> System.out.printf("error: %s x %d (e.g. %s)%n", what,
                    count.sum(), load.errorSamples.get(what)));
            report(counter.count(), lifecycles, "Corridor over HTTP" + (load.sessions ? ", sessions" : ", HTTP Basic")
                    + "; " + errorCount + " errors", args.has("out") ? Path.of(args.string("out", null)) : null);
        }
    }

    /**
     * Prints statements per call (each call's kinds, most frequent first) and per
     * lifecycle.
     */
    static void report(Map<String, Map<String, Long>> counts, int lifecycles, String what, Path out)
            throws IOException {
        System.out.printf("%nStatements per call, %s: %d lifecycles one at a time%n", what, lifecycles);
        Map<String, Object> properties = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Map<String, Long>> call : counts.entrySet()) {
            long calls = call.getValue().getOrDefault("", (long) lifecycles);
            long statements = call.getValue()
                .entrySet()
                .stream()
                .filter(e -> !e.getKey().isEmpty())
                .mapToLong(Map.Entry::getValue)
                .sum();
            double perCall = (double) statements / calls;
            if (!call.getKey().equals(StatementCounter.BETWEEN)) {
                total += (double) statements / lifecycles;
            }
            System.out.printf("%n%-50s %6.1f statements per call (%d calls)%n", call.getKey(), perCall, calls);
            properties.put("per_call." + key(call.getKey()), Math.round(perCall * 10) / 10.0);
            call.getValue()
                .entrySet()
                .stream()
                .filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %6.2f  %s%n", (double) e.getValue() / calls, e.getKey()));
        }
        System.out.printf("%nper lifecycle: %.1f statements (all calls; between-calls work not included)%n", total);
        properties.put("per_lifecycle", Math.round(total * 10) / 10.0);
        if (out != null) {
            StringBuilder text = new StringBuilder();
            properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(out, text);
        }
    }

    static String key(String name) {
        return name.replaceAll("\\(.*\\)", "")
            .trim()
            .replaceAll("[^A-Za-z0-9]+", "_")
            .replaceAll("^_|_$", "")
            .toLowerCase();
    }

}

package org.corridor.benchmark.bellrush;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.corridor.notification.NotificationKind;
import org.corridor.pass.PassState;

/**
 * The screens of the crash run (bench/cluster-rush.sh): every teacher of the seeded
 * classes keeps a notification stream open through the load balancer, as the Requests tab
 * does, and reconnects like a browser when it is cut (after the stream's retry time, with
 * {@code Last-Event-ID}). At the end every notification the database holds for a watched
 * teacher, made while the streams were open, must have arrived on that teacher's stream,
 * unless its request was settled before any screen could show it (see {@link #check}):
 * none missed across the kill of an instance.
 *
 * <pre>
 * BellRush watch-streams --base-url URL --db-url URL --seconds 120
 * </pre>
 */
final class StreamWatch {

    /** Notifications made this close to the end may still be on their way. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /**
     * How old an undelivered request must be before the repair of lost announcements
     * pushes it (NotificationStreams.REPAIR_GRACE): before then only the announcement of
     * the instance that made it could have shown it.
     */
    static final Duration REPAIR_GRACE = Duration.ofSeconds(3);

    /** A pass in these states still waits for its teacher's answer. */
    static final Set<String> AWAITING_DECISION = Set.of(PassState.REQUESTED.name(), PassState.PENDING.name());

    private final String base;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, Set<String>> received = new ConcurrentHashMap<>();

    private final AtomicInteger reconnects = new AtomicInteger();

    private final AtomicInteger refused = new AtomicInteger();

    private volatile boolean running = true;

    private StreamWatch(String base) {
        this.base = base;
    }

    static boolean run(Args args) throws Exception {
        String dbUrl = args.string("db-url", null);
        Map<String, String> teachers = teachers(dbUrl);
        StreamWatch watch = new StreamWatch(args.string("base-url", null));
        Instant started = Instant.now();
        List<Thread> threads = new ArrayList<>();
        teachers.forEach((id, email) -> {
            watch.received.put(id, ConcurrentHashMap.newKeySet());
            Thread thread = new Thread(() -> watch.watch(id, email), "stream-" + email);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        });
        System.out.printf("Watching the notification streams of %d teachers for %d s%n", teachers.size(),
                args.integer("seconds", 120));
        Thread.sleep(Duration.ofSeconds(args.integer("seconds", 120)).toMillis());
        watch.running = false;
        Instant ended = Instant.now();
        Thread.sleep(SETTLE.toMillis());
        return watch.check(dbUrl, started, ended.minus(SETTLE));
    }

    /** One teacher's screen: open, read, and reopen whenever the stream ends. */
    private void watch(String teacherId, String email) {
        String lastEventId = null;
        boolean first = true;
        while (running) {
            if (!first) {
                reconnects.incrementAndGet();
            }
            first = false;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization",
                        "Basic " + Base64.getEncoder()
                            .encodeToString((email + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                HttpResponse<InputStream> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    refused.incrementAndGet();
                    response.body().close();
                }
                else {
                    lastEventId = read(teacherId, response.body(), lastEventId);
                }
            }
            catch (IOException e) {
                // cut or refused: reconnect, as a browser's EventSource does
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause();
        }
    }

    /** Reads events until the stream ends; answers the last event id seen. */
    private String read(String teacherId, InputStream body, String lastEventId) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            for (String line = lines.readLine(); line != null && running; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if ("notification".equals(name) && id != null) {
                        received.get(teacherId).add(id);
                        lastEventId = id;
                    }
                    id = null;
                    name = "message";
                }
                else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                }
                else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                }
            }
        }
        return lastEventId;
    }

    /**
     * Each notification made for a watched teacher while watched is one of: delivered (it
     * arrived on the teacher's stream); settled before shown (a request that no screen
     * ever received, decided or read by its teacher through the Requests tab before the
     * repair of lost announcements could push it: its announcement died with a killed
     * instance, and by the time a popup was possible there was nothing left to answer);
     * or missed. Settled before shown needs all of: a request kind, never delivered to
     * any screen, seen within {@link #REPAIR_GRACE} of its making, and its pass no longer
     * awaiting a decision. Anything else not received is a miss, and one miss fails.
     */
    private boolean check(String dbUrl, Instant from, Instant to) throws SQLException {
        int expected = 0;
        int delivered = 0;
        int settledBeforeShown = 0;
        List<String> missed = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(dbUrl, "root", "");
                PreparedStatement s = db.prepareStatement("""
                        select n.id, n.kind, n.created_at, n.delivered_at, n.seen_at, p.state
                        from notification n left join hall_pass p on p.id = n.pass_id
                        where n.person_id = ? and n.created_at >= ? and n.created_at <= ?""")) {
            for (Map.Entry<String, Set<String>> teacher : received.entrySet()) {
                s.setString(1, teacher.getKey());
                s.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(from, ZoneOffset.UTC)));
                s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        expected++;
                        String id = rs.getString(1);
                        if (teacher.getValue().contains(id)) {
                            delivered++;
                        }
                        else if (settledBeforeShown(rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
                                rs.getTimestamp(5), rs.getString(6))) {
                            settledBeforeShown++;
                        }
                        else {
                            missed.add(id + " (" + rs.getString(2) + ", made " + rs.getTimestamp(3) + ", delivered "
                                    + rs.getTimestamp(4) + ", seen " + rs.getTimestamp(5) + ", pass " + rs.getString(6)
                                    + ")");
                        }
                    }
                }
            }
        }
        boolean ok = expected > 0 && missed.isEmpty();
        System.out.printf(
                "%s streams: %d notifications made for %d watched teachers while watched: %d delivered, "
                        + "%d settled before shown, %d missed; %d reconnects, %d refused connects%n",
                ok ? "PASS" : "FAIL", expected, received.size(), delivered, settledBeforeShown, missed.size(),
                reconnects.get(), refused.get());
        missed.stream().limit(10).forEach(m -> System.out.println("   missed: notification " + m));
        return ok;
    }

    static boolean settledBeforeShown(String kind, Timestamp created, Timestamp delivered, Timestamp seen,
            String passState) {
        return NotificationKind.valueOf(kind).isRequest() && delivered == null && seen != null && created != null
                && seen.toInstant().isBefore(created.toInstant().plus(REPAIR_GRACE)) && passState != null
                && !AWAITING_DECISION.contains(passState);
    }

    /** The main teachers of the seeded classes, by id, with their email. */
    private static Map<String, String> teachers(String dbUrl) throws SQLException {
        Map<String, String> teachers = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(dbUrl, "root", "");
                PreparedStatement s = db.prepareStatement("select distinct p.id, p.email from person p "
                        + "join section s on s.main_teacher_id = p.id where p.email like ?")) {
            s.setString(1, "%" + Seed.DOMAIN);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    teachers.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return teachers;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

package org.corridor.benchmark.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.corridor.testing.SeededPasses;

/**
 * The auditor's search and export over a school's year of passes, against a running
 * service (see {@code bench/audit-search.sh}): seeds {@code passes} passes over 365 days
 * into the service's MariaDB database, then times over HTTP, as an auditor: a page of the
 * search (newest first, whole year; one student; one month; one flag), and the export of
 * the whole year and of one student as CSV: the time to the first data row and to the
 * last byte.
 *
 * <pre>
 * java -cp ... org.corridor.benchmark.audit.AuditSearchBench BASE_URL DB_URL [passes] [repeats]
 * </pre>
 */
public final class AuditSearchBench {

    private static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("auditor@corridor.test:demo".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    private AuditSearchBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String dbUrl = args[1];
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String student;
        String month;
        try (Connection db = DriverManager.getConnection(dbUrl, "root", "")) {
            long t0 = System.nanoTime();
            SeededPasses.insert(db, passes, 365, LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
            System.out.printf(Locale.ROOT, "seeded %d passes in %.1f s%n", passes, (System.nanoTime() - t0) / 1e9);
            try (Statement s = db.createStatement()) {
                s.execute("analyze table hall_pass, pass_flag, person, section");
                try (ResultSet rs = s.executeQuery(
                        "select student_id, count(*) n from hall_pass group by student_id order by n desc limit 1")) {
                    rs.next();
                    student = rs.getString(1);
                    System.out.printf("busiest student: %d passes%n", rs.getLong(2));
                }
            }
            month = LocalDateTime.now(ZoneOffset.UTC).minusDays(60).toLocalDate().withDayOfMonth(1).toString();
        }
        AuditSearchBench bench = new AuditSearchBench(base);
        String monthEnd = java.time.LocalDate.parse(month).plusMonths(1).minusDays(1).toString();
        System.out.println("== search, one page of 50 (ms: median / max of " + repeats + ", after one warm-up)");
        bench.page("whole year, newest first", "?size=50", repeats);
        bench.page("whole year, page 100", "?size=50&page=100", repeats);
        bench.page("one student", "?size=50&studentId=" + student, repeats);
        bench.page("one month", "?size=50&from=" + month + "&to=" + monthEnd, repeats);
        bench.page("one flag", "?size=50&flag=FREQUENT_USE", repeats);
        System.out.println("== export as CSV (first data row / whole file)");
        bench.export("whole year", "");
        bench.export("whole year, again", "");
        bench.export("one month", "?from=" + month + "&to=" + monthEnd);
        bench.export("one student", "?studentId=" + student);
    }

    private HttpRequest.Builder ask(String query) {
        return HttpRequest.newBuilder(URI.create(base + "/api/audit/passes" + query))
            .header("Authorization", AUTH)
            .timeout(Duration.ofMinutes(10));
    }

    private void page(String what, String query, int repeats) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        String total = "";
        for (int i = 0; i <= repeats; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(ask(query).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
            }
            total = r.body().replaceAll("(?s)^\\{\"total\":(\\d+).*", "$1");
            if (i > 0) {
                ms.add(took);
            }
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "  %-28s %8.0f / %8.0f   (total %s)%n", what, ms.get(ms.size() / 2),
                ms.get(ms.size() - 1), total);
    }

    private void export(String what, String query) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(ask(query).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        double firstRow = -1;
        long lines = 0;
        long bytes = 0;
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        if (lines == 2 && firstRow < 0) {
                            firstRow = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
            }
        }
        double whole = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + r.statusCode());
        }
        System.out.printf(Locale.ROOT, "  %-28s %8.0f ms / %8.0f ms   %d rows, %.1f MB, %.0f rows/s%n", what, firstRow,
                whole, lines - 1, bytes / 1e6, (lines - 1) / (whole / 1000));
    }

}

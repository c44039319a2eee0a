package org.corridor.report;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * A school's passes counted by day, hour, destination, teacher, grade, student, rule, and
 * the no-contact and long-running outcomes; as JSON or as CSV.
 */
@RestController
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/api/reports/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    Report report(Caller caller, @PathVariable String kind, @RequestParam Map<String, String> query) {
        return reports.report(caller, kind, query);
    }

    /** The same report as CSV: a few hundred rows at most, so written whole. */
    @GetMapping(value = "/api/reports/{kind}", produces = "text/csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable String kind, @RequestParam Map<String, String> query) {
        Report report = reports.report(caller, kind, query);
        StringWriter out = new StringWriter();
        reports.csv(report, out);
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.kind() + ".csv\"")
            .body(out.toString());
    }

}

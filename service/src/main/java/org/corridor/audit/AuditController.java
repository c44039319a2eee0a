package org.corridor.audit;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import org.corridor.pass.PassHistory;
import org.corridor.security.Caller;

/**
 * What happened to a pass, step by step, who did it and what the rules said; and the
 * search that finds it.
 */
@RestController
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PassHistory history;

    private final PassSearch search;

    private final PassPaths paths;

    private final ReadRecords reads;

    private final PassModels models;

    private final AuditPeople people;

    AuditController(PassHistory history, PassSearch search, PassPaths paths, ReadRecords reads, PassModels models,
            AuditPeople people) {
        this.reads = reads;
        this.models = models;
        this.people = people;
        this.history = history;
        this.search = search;
        this.paths = paths;
    }

    @GetMapping(value = "/api/audit/passes", produces = MediaType.APPLICATION_JSON_VALUE)
    PassRow.Page search(Caller caller, @RequestParam Map<String, String> query) {
        return search.page(caller, query);
    }

    /**
     * The same search as CSV, written while it is read: the filter is checked before the
     * first byte.
     */
    @GetMapping(value = "/api/audit/passes", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export(Caller caller, @RequestParam Map<String, String> query) {
        PassFilter filter = search.filter(caller, query);
        StreamingResponseBody body = out -> search.export(caller, filter,
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"passes.csv\"")
            .body(body);
    }

    @GetMapping("/api/audit/passes/{id}")
    PassHistory.Timeline pass(Caller caller, @PathVariable String id) {
        return history.of(caller, id);
    }

    @GetMapping("/api/audit/passes/{id}/path")
    PassPaths.Path path(Caller caller, @PathVariable String id) {
        return paths.of(caller, id);
    }

    /**
     * The deployed BPMN of a process a pass runs ({@code pass-lifecycle},
     * {@code appointment-pass}), of the version its path names or the latest.
     */
    @GetMapping("/api/audit/models/{key}")
    ProcessModels.Model model(Caller caller, @PathVariable String key, @RequestParam Map<String, String> query) {
        return models.of(caller, key, query);
    }

    /** People of the district by the start of a name, or a student by number. */
    @GetMapping("/api/audit/people")
    List<AuditPeople.Found> people(Caller caller, @RequestParam Map<String, String> query) {
        return people.find(caller, query);
    }

    @GetMapping(value = "/api/audit/reads", produces = MediaType.APPLICATION_JSON_VALUE)
    ReadRow.Page reads(Caller caller, @RequestParam Map<String, String> query) {
        return reads.page(caller, query);
    }

    @GetMapping(value = "/api/audit/reads", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> exportReads(Caller caller, @RequestParam Map<String, String> query) {
        ReadRecords.Filter filter = reads.filter(caller, query);
        StreamingResponseBody body = out -> reads.export(caller, filter,
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reads.csv\"")
            .body(body);
    }

}

package org.corridor.nocontact;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * The district's no-contact pairs, for its administrators only: students and teachers
 * never see them (a request's flag tells the student only that a restriction applies).
 */
@RestController
@RequestMapping("/api/admin/no-contact-pairs")
class NoContactController {

    private final NoContactPairs pairs;

    private final NoContactImport csvImport;

    NoContactController(NoContactPairs pairs, NoContactImport csvImport) {
        this.pairs = pairs;
        this.csvImport = csvImport;
    }

    @GetMapping
    List<NoContactPairs.PairView> list(Caller caller, @RequestParam(required = false) String studentId) {
        return pairs.list(caller, studentId);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    NoContactPairs.PairView add(Caller caller, @RequestBody NoContactPairs.NewPair body) {
        return pairs.add(caller, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String id) {
        pairs.remove(caller, id);
    }

    @GetMapping("/history")
    List<NoContactPairs.ChangeView> history(Caller caller, @RequestParam(required = false) String studentId) {
        return pairs.history(caller, studentId);
    }

    /**
     * A CSV of student-number pairs: 200 with the report when all were added, 422 with it
     * when none was.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    NoContactImport.Report importCsv(Caller caller, @RequestParam("file") MultipartFile file) throws IOException {
        caller.require(Role.ADMIN, "keep the no-contact list");
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
                : file.getOriginalFilename();
        NoContactImport.Report report = csvImport.run(caller, name, file.getBytes());
        if (!report.applied()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no-contact-import-rejected",
                    "No-contact pairs rejected",
                    "The file has " + report.errors().size() + " problem(s); no pair was added.")
                .with("added", 0)
                .with("errors", report.errors())
                .with("warnings", report.warnings())
                .with("notes", report.notes());
        }
        return report;
    }

}

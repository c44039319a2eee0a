package org.corridor.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * OneRoster CSV imports into the administrator's own district. A set is sent as one zip
 * (multipart field {@code file}) or as its CSV files (field {@code files}, repeated). The
 * answer is the import's report: 200 when it was applied, 422 (a problem body holding the
 * same report) when it was rejected and nothing changed.
 */
@RestController
@RequestMapping("/api/admin/roster")
class RosterImportController {

    /**
     * The most a roster request may carry; larger requests are refused (413) before they
     * are read.
     */
    static final long MAX_UPLOAD = 50L * 1024 * 1024;

    private final RosterImports imports;

    RosterImportController(RosterImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RosterReport importSet(Caller caller, @RequestParam(name = "file", required = false) MultipartFile zip,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        caller.require(Role.ADMIN, "import a roster");
        boolean hasFiles = files != null
                && files.stream().anyMatch(f -> !f.isEmpty() || f.getOriginalFilename() != null);
        if (zip == null && !hasFiles) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "No roster sent",
                    "Send the OneRoster set as a zip in the multipart field 'file', or its CSV files in the field 'files'.");
        }
        if (zip != null && hasFiles) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Two rosters sent",
                    "Send either a zip in 'file' or CSV files in 'files', not both.");
        }
        RosterReport.Builder report = new RosterReport.Builder();
        Optional<RosterFiles> set;
        if (zip != null) {
            String name = zip.getOriginalFilename() == null || zip.getOriginalFilename().isBlank() ? "upload"
                    : zip.getOriginalFilename();
            try (InputStream in = zip.getInputStream()) {
                set = RosterFiles.unzip(name, in, report.errors);
            }
        }
        else {
            List<RosterFiles.File> sent = new ArrayList<>();
            for (MultipartFile file : files) {
                sent.add(new RosterFiles.File(file.getOriginalFilename(), file.getBytes()));
            }
            set = RosterFiles.of(sent, report.errors);
        }
        RosterReport result = imports.run(caller.districtId(), caller.signedInId(), set, report);
        if (!result.applied()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "roster-rejected", "Roster rejected",
                    result.summary())
                .with("outcome", result.outcome())
                .with("importId", result.importId())
                .with("onerosterVersion", result.onerosterVersion())
                .with("files", result.files())
                .with("counts", result.counts())
                .with("errors", result.errors())
                .with("warnings", result.warnings())
                .with("notes", result.notes())
                .with("summary", result.summary());
        }
        return result;
    }

    /** The district's imports, newest first (at most 100). */
    @GetMapping("/imports")
    List<RosterImports.Recorded> recorded(Caller caller) {
        caller.require(Role.ADMIN, "list roster imports");
        return imports.recorded(caller.districtId(), 100);
    }

}

package org.corridor.coverage;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * Covered classes, for the district's administrators: who covers a class (a substitute)
 * on which days of the school's calendar.
 */
@RestController
class CoverageController {

    private final Coverage coverage;

    CoverageController(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/api/admin/schools/{schoolId}/coverage")
    Coverage.SchoolCoverage ofSchool(Caller caller, @PathVariable String schoolId) {
        return coverage.ofSchool(caller, schoolId);
    }

    @GetMapping("/api/admin/sections/{id}/coverage")
    List<Coverage.CoverView> list(Caller caller, @PathVariable String id) {
        return coverage.list(caller, id);
    }

    @PostMapping(path = "/api/admin/sections/{id}/coverage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Coverage.CoverView add(Caller caller, @PathVariable String id, @RequestBody Coverage.NewCover body) {
        return coverage.add(caller, id, body);
    }

    @DeleteMapping("/api/admin/sections/{id}/coverage/{coverageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String id, @PathVariable String coverageId) {
        coverage.remove(caller, id, coverageId);
    }

    @GetMapping("/api/admin/sections/{id}/coverage/history")
    List<Coverage.ChangeView> history(Caller caller, @PathVariable String id) {
        return coverage.history(caller, id);
    }

}

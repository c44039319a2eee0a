package org.corridor.school;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * The schools an administrator administers, and a school's teachers (see
 * {@link AdministeredSchools}).
 */
@RestController
@Validated
class AdministeredSchoolsController {

    private final AdministeredSchools schools;

    AdministeredSchoolsController(AdministeredSchools schools) {
        this.schools = schools;
    }

    @GetMapping("/api/admin/schools")
    List<AdministeredSchools.SchoolChoice> schools(Caller caller) {
        return schools.schools(caller);
    }

    @GetMapping("/api/admin/schools/{id}/teachers")
    List<AdministeredSchools.TeacherChoice> teachers(Caller caller, @PathVariable @Size(max = 36) String id) {
        return schools.teachers(caller, id);
    }

}

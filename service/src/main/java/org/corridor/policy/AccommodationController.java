package org.corridor.policy;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;
import org.corridor.problem.PlainText;

/**
 * Exemptions written in students' plans, set by administrators; teachers never see them.
 */
@RestController
@RequestMapping("/api/admin/accommodations")
class AccommodationController {

    private final Accommodations accommodations;

    AccommodationController(Accommodations accommodations) {
        this.accommodations = accommodations;
    }

    record NewAccommodation(@NotBlank @Size(max = 36) String studentId,
            @NotBlank @Size(max = 200) @PlainText String ruleName, @NotNull LocalDate from, @NotNull LocalDate until,
            @Size(max = 500) @PlainText(multiLine = true) String note) {
    }

    record ChangedAccommodation(@NotBlank @Size(max = 200) @PlainText String ruleName, @NotNull LocalDate from,
            @NotNull LocalDate until, @Size(max = 500) @PlainText(multiLine = true) String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Accommodations.View add(Caller caller, @Valid @RequestBody NewAccommodation body) {
        return accommodations.add(caller, body.studentId(),
                new Accommodations.Terms(body.ruleName(), body.from(), body.until(), body.note()));
    }

    /** The district's accommodations, or one student's with {@code studentId}. */
    @GetMapping
    List<Accommodations.View> list(Caller caller, @RequestParam(required = false) @Size(max = 36) String studentId) {
        return accommodations.list(caller, studentId);
    }

    /**
     * The students an accommodation can be written for: by the start of a name, or by
     * student number.
     */
    @GetMapping("/students")
    List<Accommodations.Student> students(Caller caller, @RequestParam @NotBlank @Size(max = 100) String q) {
        return accommodations.findStudents(caller, q);
    }

    @PutMapping("/{id}")
    Accommodations.View change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangedAccommodation body) {
        return accommodations.change(caller, id,
                new Accommodations.Terms(body.ruleName(), body.from(), body.until(), body.note()));
    }

    /**
     * Ends it early: from today on it exempts nothing (one not started yet is removed).
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(Caller caller, @PathVariable String id) {
        accommodations.end(caller, id);
    }

}

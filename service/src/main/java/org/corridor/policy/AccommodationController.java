package org.corridor.policy;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/** Exemptions written in students' plans, set by administrators. */
@RestController
@RequestMapping("/api/admin/accommodations")
class AccommodationController {
    private final AccommodationRepository accommodations;
    private final PersonRepository people;

    AccommodationController(AccommodationRepository accommodations, PersonRepository people) {
        this.accommodations = accommodations;
        this.people = people;
    }

    record NewAccommodation(@NotBlank @Size(max = 36) String studentId, @NotBlank @Size(max = 200) String ruleName,
                            @NotNull LocalDate from, @NotNull LocalDate until, @Size(max = 500) String note) {
    }

    record AccommodationView(String id, String studentId, String ruleName, LocalDate from, LocalDate until) {
        static AccommodationView of(Accommodation a) {
            return new AccommodationView(a.getId(), a.getStudentId(), a.getRuleName(), a.getFromDate(), a.getUntilDate());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    AccommodationView add(Caller caller, @Valid @RequestBody NewAccommodation body) {
        caller.require(Role.ADMIN, "set accommodations");
        Person student = people.findByIdAndDistrictId(body.studentId(), caller.districtId())
                .filter(p -> p.has(Role.STUDENT))
                .orElseThrow(() -> InvalidInput.field("studentId", "There is no student " + body.studentId()
                        + " in your district."));
        if (body.until().isBefore(body.from())) {
            throw InvalidInput.field("until", "The accommodation ends (" + body.until() + ") before it starts ("
                    + body.from() + ").");
        }
        return AccommodationView.of(accommodations.save(new Accommodation(caller.districtId(), student.getId(),
                body.ruleName().strip(), body.from(), body.until(), body.note())));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<AccommodationView> ofStudent(Caller caller, @RequestParam @Size(max = 36) String studentId) {
        caller.require(Role.ADMIN, "read accommodations");
        // The student's accommodations are a resource of that student: one of another district is not found.
        people.findByIdAndDistrictId(studentId, caller.districtId()).filter(p -> p.has(Role.STUDENT))
                .orElseThrow(() -> ApiProblem.notFound("Student", studentId));
        return accommodations.findByStudentIdAndDistrictIdOrderByFromDate(studentId, caller.districtId()).stream()
                .map(AccommodationView::of).toList();
    }
}

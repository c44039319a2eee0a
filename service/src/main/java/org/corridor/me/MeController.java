package org.corridor.me;

import java.util.List;
import java.util.Set;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.school.SchoolRepository;
import org.corridor.section.DepartingFrom;
import org.corridor.security.Caller;

@RestController
@RequestMapping("/api/me")
class MeController {
    private final SchoolRepository schools;
    private final DepartingFrom departingFrom;

    MeController(SchoolRepository schools, DepartingFrom departingFrom) {
        this.schools = schools;
        this.departingFrom = departingFrom;
    }

    record Me(String id, String email, String name, Set<Role> roles, String districtId, String schoolId) {
    }

    record Ref(String id, String name) {
    }

    record DepartingFromView(String sectionId, String section, String period, Ref teacher, Ref room) {
    }

    @GetMapping
    Me me(Caller caller) {
        Person p = caller.person();
        return new Me(p.getId(), p.getEmail(), p.getName(), p.getRoles(), p.getDistrictId(), p.getSchoolId());
    }

    /** The classes the student may leave now, each with the teacher the request would go to. */
    @GetMapping("/departing-from")
    @Transactional(readOnly = true)
    List<DepartingFromView> departingFrom(Caller caller) {
        caller.require(Role.STUDENT, "leave a class");
        var school = schools.findById(caller.person().getSchoolId())
                .orElseThrow(() -> ApiProblem.forbidden("Your account is not enrolled in a school."));
        return departingFrom.now(caller.person(), school).stream()
                .map(c -> new DepartingFromView(c.section().getId(), c.section().getName(), c.period().getName(),
                        new Ref(c.teacher().getId(), c.teacher().getName()),
                        new Ref(c.room().getId(), c.room().getName())))
                .toList();
    }
}

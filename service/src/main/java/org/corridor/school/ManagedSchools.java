package org.corridor.school;

import org.springframework.stereotype.Component;

import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * The school an administrator (or auditor) asks to manage: one of the caller's district,
 * and, for an account that belongs to one school, that school only. Another district's
 * school is 404, as if it did not exist; a sibling school of the same district is 403,
 * since the caller may know it exists.
 */
@Component
public class ManagedSchools {

    private final SchoolRepository schools;

    ManagedSchools(SchoolRepository schools) {
        this.schools = schools;
    }

    public School find(Caller caller, String id) {
        School school = schools.findByIdAndDistrictId(id, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("School", id));
        String own = caller.schoolId();
        if (own != null && !own.equals(school.getId())) {
            throw ApiProblem.forbidden("Your account manages its own school only, not school " + id + ".");
        }
        return school;
    }

}

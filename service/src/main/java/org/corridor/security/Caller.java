package org.corridor.security;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;

/** The signed-in person making this request. Every query is scoped by its district. */
public record Caller(Person person) {

    public String id() {
        return person.getId();
    }

    public String districtId() {
        return person.getDistrictId();
    }

    public boolean is(Role role) {
        return person.has(role);
    }

    public boolean isStaff() {
        return is(Role.TEACHER) || is(Role.ADMIN) || is(Role.AUDITOR);
    }

    public void require(Role role, String what) {
        if (!is(role)) {
            throw ApiProblem.forbidden("Only a " + role.name().toLowerCase() + " can " + what + ".");
        }
    }
}

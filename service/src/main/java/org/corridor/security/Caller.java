package org.corridor.security;

import java.util.Set;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;

/**
 * Who is making this request, as the rest of the service sees it. Every query is scoped
 * by its district.
 * <ul>
 * <li>A signed-in person: {@code person} is them, {@code impersonator} is null.</li>
 * <li>An administrator acting as a teacher: {@code person} is the teacher whose screens
 * they see, {@code impersonator} the administrator. Actions record both.</li>
 * <li>A kiosk: {@code person} is null, {@code kiosk} is the device bound to one room;
 * {@link #id()} is the kiosk's id, which never equals a person's, so person checks fail
 * safely.</li>
 * </ul>
 */
public record Caller(Person person, Person impersonator, Kiosk kiosk) {

    /** A kiosk as a caller: bound to one room of one school. */
    public record Kiosk(String id, String districtId, String schoolId, String roomId, String name) {
    }

    public Caller(Person person) {
        this(person, null, null);
    }

    public static Caller kiosk(Kiosk kiosk) {
        return new Caller(null, null, kiosk);
    }

    /**
     * The person the request acts as (the teacher, when impersonated), or the kiosk's id.
     */
    public String id() {
        return person != null ? person.getId() : kiosk.id();
    }

    public String districtId() {
        return person != null ? person.getDistrictId() : kiosk.districtId();
    }

    /** The school of the person, or of the kiosk's room. */
    public String schoolId() {
        return person != null ? person.getSchoolId() : kiosk.schoolId();
    }

    public boolean is(Role role) {
        return person != null ? person.has(role) : role == Role.KIOSK;
    }

    public boolean isKiosk() {
        return kiosk != null;
    }

    public boolean isImpersonated() {
        return impersonator != null;
    }

    /**
     * The person actually at the keyboard: the administrator when impersonating,
     * otherwise the person. Notifications and audit actors use this id; null for a kiosk.
     */
    public String signedInId() {
        return impersonator != null ? impersonator.getId() : person != null ? person.getId() : null;
    }

    /**
     * For the audit timeline: whom an impersonated action was taken for, otherwise null.
     */
    public String onBehalfOfId() {
        return impersonator != null ? person.getId() : null;
    }

    public boolean isStaff() {
        return is(Role.TEACHER) || is(Role.ADMIN) || is(Role.AUDITOR);
    }

    public Set<Role> roles() {
        return person != null ? person.getRoles() : Set.of(Role.KIOSK);
    }

    public void require(Role role, String what) {
        if (!is(role)) {
            throw ApiProblem.forbidden("Only a " + role.name().toLowerCase() + " can " + what + ".");
        }
    }
}

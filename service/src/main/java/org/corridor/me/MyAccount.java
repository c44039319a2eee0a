package org.corridor.me;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.section.DepartingFrom;
import org.corridor.security.Caller;

/** Who the caller is, and the classes a student may leave now. */
@Service
class MyAccount {

    private final SchoolRepository schools;

    private final DepartingFrom departingFrom;

    private final LocationRepository locations;

    MyAccount(SchoolRepository schools, DepartingFrom departingFrom, LocationRepository locations) {
        this.schools = schools;
        this.departingFrom = departingFrom;
        this.locations = locations;
    }

    /** What {@code GET /api/me} answers: a person (perhaps impersonated) or a kiosk. */
    sealed interface WhoAmI permits Me, KioskMe {

    }

    /**
     * A person; {@code impersonatedBy} is there only while an administrator acts as them.
     * {@code timeZone} is their school's, in which every screen shows times (null for
     * someone of no school: the device's zone).
     */
    @Schema(requiredProperties = { "id", "email", "name", "roles", "districtId" })
    record Me(String id, String email, String name, Set<Role> roles, String districtId,
            @Schema(nullable = true) String schoolId, @Schema(nullable = true) String timeZone,
            @JsonInclude(JsonInclude.Include.NON_NULL) Ref impersonatedBy) implements WhoAmI {
    }

    /**
     * A kiosk: told from a person by {@code kiosk}, which a person never has;
     * {@code kioskRequiresPin}: its school asks students for a PIN after their number.
     */
    @Schema(requiredProperties = { "kiosk", "roles", "districtId", "schoolId" })
    record KioskMe(KioskView kiosk, Set<Role> roles, String districtId, String schoolId,
            @Schema(nullable = true) String timeZone, boolean kioskRequiresPin) implements WhoAmI {
    }

    record KioskView(String id, String name, String schoolId, Ref room) {
    }

    record Ref(String id, String name) {
    }

    record DepartingFromView(String sectionId, String section, String period, Ref teacher, Ref room) {
    }

    @Transactional(readOnly = true)
    WhoAmI me(Caller caller) {
        if (caller.isKiosk()) {
            Caller.Kiosk k = caller.kiosk();
            String roomName = locations.findById(k.roomId()).map(Location::getName).orElse(null);
            return new KioskMe(new KioskView(k.id(), k.name(), k.schoolId(), new Ref(k.roomId(), roomName)),
                    caller.roles(), k.districtId(), k.schoolId(), timeZoneOf(k.schoolId()),
                    schools.findById(k.schoolId()).map(School::isKioskRequiresPin).orElse(false));
        }
        Person p = caller.person();
        Person admin = caller.impersonator();
        return new Me(p.getId(), p.getEmail(), p.getName(), p.getRoles(), p.getDistrictId(), p.getSchoolId(),
                timeZoneOf(p.getSchoolId()), admin == null ? null : new Ref(admin.getId(), admin.getName()));
    }

    private String timeZoneOf(String schoolId) {
        return schoolId == null ? null : schools.findById(schoolId).map(s -> s.getTimeZone().getId()).orElse(null);
    }

    /**
     * The classes the student may leave now, each with the teacher the request would go
     * to.
     */
    @Transactional(readOnly = true)
    List<DepartingFromView> departingFrom(Caller caller) {
        caller.require(Role.STUDENT, "leave a class");
        var school = schools.findById(caller.person().getSchoolId())
            .orElseThrow(() -> ApiProblem.forbidden("Your account is not enrolled in a school."));
        return departingFrom.now(caller.person(), school)
            .stream()
            .map(c -> new DepartingFromView(c.section().getId(), c.section().getName(), c.period().getName(),
                    new Ref(c.teacher().getId(), c.teacher().getName()),
                    c.room() == null ? null : new Ref(c.room().getId(), c.room().getName())))
            .toList();
    }

}

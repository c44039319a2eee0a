package org.corridor.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.pass.EmergencyEndAll;
import org.corridor.pass.PassView;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * An administrator ends every pass of a school at once and gets the list of students who
 * were out and where. Until the emergency is cleared the school takes no new requests.
 */
@Service
class Emergencies {

    private static final Logger log = LoggerFactory.getLogger(Emergencies.class);

    private final SchoolRepository schools;

    private final SchoolEmergencyRepository emergencies;

    private final EmergencyEndAll endAll;

    private final PersonRepository people;

    private final EmergencyNotices notices;

    private final Clock clock;

    Emergencies(SchoolRepository schools, SchoolEmergencyRepository emergencies, EmergencyEndAll endAll,
            PersonRepository people, EmergencyNotices notices, Clock clock) {
        this.schools = schools;
        this.emergencies = emergencies;
        this.endAll = endAll;
        this.people = people;
        this.notices = notices;
        this.clock = clock;
    }

    record Declared(String emergencyId, String schoolId, String schoolName, Instant declaredAt, PassView.Ref declaredBy,
            @Schema(nullable = true) PassView.Ref onBehalfOf, List<EmergencyEndAll.StudentOut> studentsOut,
            List<PassView.Ref> requestsCancelled) {
    }

    /**
     * {@code schoolName} and {@code timeZone} let a screen name the school it is about to
     * stop and show the times as the school reads them.
     */
    record Status(String schoolId, String schoolName, @Schema(nullable = true) String timeZone, boolean inForce,
            @Schema(nullable = true) Record current, List<Record> recent) {
    }

    record Record(String emergencyId, Instant declaredAt, PassView.Ref declaredBy, int passesEnded,
            @Schema(nullable = true) Instant clearedAt, @Schema(nullable = true) PassView.Ref clearedBy) {
    }

    @Transactional
    public Declared declare(Caller caller, String schoolId) {
        School school = administered(caller, schoolId);
        if (school.isInEmergency()) {
            throw ApiProblem
                .conflict("emergency-in-force", "Emergency already in force",
                        "An emergency is already in force at " + school.getName() + " since "
                                + emergencies.getReferenceById(school.getEmergencyId()).getDeclaredAt()
                                + ". Clear it before declaring another.")
                .with("emergencyId", school.getEmergencyId());
        }
        Instant now = clock.instant();
        SchoolEmergency emergency = emergencies.save(new SchoolEmergency(school.getDistrictId(), school.getId(), now,
                caller.signedInId(), caller.onBehalfOfId()));
        school.declareEmergency(emergency.getId());
        EmergencyEndAll.Outcome ended = endAll.endAll(caller, school.getId(), emergency.getId());
        emergency.recordPassesEnded(ended.studentsOut().size() + ended.requestsCancelled().size());
        log.warn("Emergency {} declared at school {} by {}: {} passes ended", emergency.getId(), school.getId(),
                caller.signedInId(), emergency.getPassesEnded());
        PassView.Ref declaredBy = person(caller.signedInId());
        notices.declared(school, emergency, declaredBy.name(), ended.studentsOut().size(),
                ended.requestsCancelled().size());
        return new Declared(emergency.getId(), school.getId(), school.getName(), now, declaredBy,
                person(caller.onBehalfOfId()), ended.studentsOut(), ended.requestsCancelled());
    }

    @Transactional
    public Status clear(Caller caller, String schoolId) {
        School school = administered(caller, schoolId);
        if (!school.isInEmergency()) {
            throw ApiProblem.conflict("no-emergency", "No emergency in force",
                    "There is no emergency in force at " + school.getName() + ".");
        }
        SchoolEmergency emergency = emergencies.getReferenceById(school.getEmergencyId());
        emergency.clear(clock.instant(), caller.signedInId());
        notices.cleared(school, emergency, person(caller.signedInId()).name());
        log.warn("Emergency {} cleared at school {} by {}", school.getEmergencyId(), school.getId(),
                caller.signedInId());
        school.clearEmergency();
        return status(school);
    }

    @Transactional(readOnly = true)
    public Status read(Caller caller, String schoolId) {
        return status(administered(caller, schoolId));
    }

    private Status status(School school) {
        List<Record> recent = emergencies.findTop20BySchoolIdOrderByDeclaredAtDesc(school.getId())
            .stream()
            .map(this::record)
            .toList();
        Record current = recent.stream()
            .filter(r -> r.emergencyId().equals(school.getEmergencyId()))
            .findFirst()
            .orElse(null);
        return new Status(school.getId(), school.getName(), school.getTimeZone().getId(), school.isInEmergency(),
                current, recent);
    }

    private Record record(SchoolEmergency e) {
        return new Record(e.getId(), e.getDeclaredAt(), person(e.getDeclaredById()), e.getPassesEnded(),
                e.getClearedAt(), person(e.getClearedById()));
    }

    private School administered(Caller caller, String schoolId) {
        caller.require(Role.ADMIN, "end every pass of a school");
        School school = schools.findByIdAndDistrictId(schoolId, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("School", schoolId));
        if (caller.person().getSchoolId() != null && !caller.person().getSchoolId().equals(school.getId())) {
            throw ApiProblem.forbidden("You administer another school.");
        }
        return school;
    }

    private PassView.Ref person(String id) {
        return id == null ? null : people.findById(id).map(p -> new PassView.Ref(p.getId(), p.getName())).orElse(null);
    }

}

package org.corridor.school;

import java.time.Duration;

import jakarta.persistence.EntityNotFoundException;

import org.springframework.stereotype.Component;

import org.corridor.cluster.Broadcasts;
import org.corridor.cluster.HeldData;
import org.corridor.persistence.EntityWrites;

/**
 * Every school's settings held in memory, so that a request, a timer or a policy
 * evaluation does not read the school again: forgotten on every instance when the school
 * is written (any write through JPA, seen by {@link EntityWrites}; the roster import's
 * SQL inserts only new ones and changes nothing held), and read again at least every
 * minute in case another instance's message was lost.
 */
@Component
public class SchoolsHeld {

    static final String TOPIC = "school-changed";

    static final Duration HELD_FOR = Duration.ofMinutes(1);

    private final SchoolRepository schools;

    private final HeldData<HeldSchool> held;

    SchoolsHeld(SchoolRepository schools, Broadcasts broadcasts, EntityWrites writes) {
        this.schools = schools;
        this.held = new HeldData<>(TOPIC, broadcasts, HELD_FOR, 10_000);
        writes.watch(School.class, school -> held.changed(school.getId()));
    }

    /** The school's settings; throws EntityNotFoundException for a school that is not. */
    public HeldSchool of(String schoolId) {
        HeldSchool school = held.get(schoolId, id -> schools.findById(id).map(HeldSchool::of).orElse(null));
        if (school == null) {
            throw new EntityNotFoundException("school " + schoolId);
        }
        return school;
    }

    /**
     * Forgets every school on this instance: for tests that change a school in plain SQL
     * behind the service's back.
     */
    public void forgetAll() {
        held.forgetAll();
    }

}

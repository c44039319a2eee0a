package org.corridor.section;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.school.ManagedSchools;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * A class as an administrator sees and fixes it in the console: the periods it meets in,
 * its room and its main teacher. A roster that names no period (or one the bell schedule
 * lacks) leaves classes that can never route; this is where they are mended without a new
 * roster file.
 * <p>
 * Each field changed here is remembered with the value the roster had given it
 * ({@code section_edit}): a later import that sends that same value keeps the
 * administrator's choice; one that sends another value wins, and its report says so in a
 * note (package {@code roster}). A class of another district is 404; of another school of
 * the district, for an administrator of one school, 403 (as for schools).
 */
@Service
class SectionEditor {

    private static final Logger log = LoggerFactory.getLogger(SectionEditor.class);

    /** The names the edits are stored under; the roster's import reads the same. */
    static final String PERIODS = "periods";

    static final String ROOM = "room";

    static final String MAIN_TEACHER = "mainTeacher";

    private final SectionRepository sections;

    private final SchoolRepository schools;

    private final ManagedSchools managedSchools;

    private final SchoolPeriodRepository periods;

    private final LocationRepository locations;

    private final PersonRepository people;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    SectionEditor(SectionRepository sections, SchoolRepository schools, ManagedSchools managedSchools,
            SchoolPeriodRepository periods, LocationRepository locations, PersonRepository people, JdbcTemplate jdbc,
            Clock clock) {
        this.sections = sections;
        this.schools = schools;
        this.managedSchools = managedSchools;
        this.periods = periods;
        this.locations = locations;
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Ref(String id, String name) {
    }

    /**
     * A class: {@code editedInCorridor} names the fields an administrator set here and no
     * import has replaced since ({@code periods}, {@code room}, {@code mainTeacher}).
     */
    record SectionView(String id, String name, @Schema(nullable = true) String sourceId, String schoolId,
            Set<String> periods, Ref room, Ref mainTeacher, boolean removed, List<String> editedInCorridor) {
    }

    @Transactional(readOnly = true)
    SectionView section(Caller caller, String id) {
        caller.require(Role.ADMIN, "read a class's setup");
        return view(find(caller, id));
    }

    @Transactional
    SectionView change(Caller caller, String id, SectionChange body) {
        caller.require(Role.ADMIN, "change a class");
        Section section = find(caller, id);
        if (section.isRemoved()) {
            throw ApiProblem.conflict("section-removed", "Class removed",
                    "Class " + id + " was removed from the roster; it stays only for the passes that left it.");
        }
        School school = schools.findById(section.getSchoolId()).orElseThrow();
        SectionChange.Facts before = new SectionChange.Facts(section.getPeriodNames(), section.getRoomId(),
                section.getMainTeacherId());
        SectionChange.Facts after = body.mergedWith(before, rules(caller, school));
        List<String> changed = new ArrayList<>();
        remember(section, PERIODS, joined(before.periods()), joined(after.periods()), caller, changed);
        remember(section, ROOM, before.roomId(), after.roomId(), caller, changed);
        remember(section, MAIN_TEACHER, before.mainTeacherId(), after.mainTeacherId(), caller, changed);
        section.setByAdministrator(after.periods(), after.roomId(), after.mainTeacherId());
        sections.saveAndFlush(section);
        log.info("Class {} of school {} changed by {}{}: {}", section.getId(), school.getId(), caller.signedInId(),
                caller.isImpersonated() ? " on behalf of " + caller.id() : "",
                changed.isEmpty() ? "nothing changed" : String.join(", ", changed));
        return view(section);
    }

    /**
     * Periods as stored in {@code section_edit.roster_value}: sorted names, one a line.
     */
    static String joined(Set<String> periodNames) {
        return periodNames.isEmpty() ? null : String.join("\n", new TreeSet<>(periodNames));
    }

    private void remember(Section section, String field, String before, String after, Caller caller,
            List<String> changed) {
        if (Objects.equals(before, after)) {
            return;
        }
        changed.add(field);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update section_edit set edited_by = ?, edited_at = ? where section_id = ? and field = ?",
                caller.signedInId(), now, section.getId(), field);
        if (updated == 0) {
            jdbc.update("insert into section_edit (section_id, field, roster_value, edited_by, edited_at) "
                    + "values (?, ?, ?, ?, ?)", section.getId(), field, before, caller.signedInId(), now);
        }
    }

    private Section find(Caller caller, String id) {
        Section section = sections.findById(id)
            .filter(s -> schools.findByIdAndDistrictId(s.getSchoolId(), caller.districtId()).isPresent())
            .orElseThrow(() -> ApiProblem.notFound("Class", id));
        managedSchools.find(caller, section.getSchoolId());
        return section;
    }

    private SectionChange.School rules(Caller caller, School school) {
        return new SectionChange.School() {
            @Override
            public List<String> periodNames() {
                return periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId())
                    .stream()
                    .map(SchoolPeriod::getName)
                    .toList();
            }

            @Override
            public String roomProblem(String roomId) {
                return roomId.length() <= 36 && locations.findByIdAndSchoolId(roomId, school.getId()).isPresent() ? null
                        : "There is no room " + roomId + " in " + school.getName() + ".";
            }

            @Override
            public String teacherProblem(String personId) {
                Optional<Person> person = personId.length() > 36 ? Optional.empty()
                        : people.findByIdAndDistrictId(personId, caller.districtId());
                if (person.isEmpty() || person.get().isRemoved()) {
                    return "There is no teacher " + personId + " in your district.";
                }
                if (!person.get().has(Role.TEACHER)) {
                    return "Person " + personId + " is not a teacher.";
                }
                String theirs = person.get().getSchoolId();
                if (theirs != null && !theirs.equals(school.getId())) {
                    return "Teacher " + personId + " belongs to another school.";
                }
                return null;
            }
        };
    }

    private SectionView view(Section section) {
        Ref room = Optional.ofNullable(section.getRoomId())
            .flatMap(locations::findById)
            .map(l -> new Ref(l.getId(), l.getName()))
            .orElse(null);
        Ref teacher = Optional.ofNullable(section.getMainTeacherId())
            .flatMap(people::findById)
            .map(p -> new Ref(p.getId(), p.getName()))
            .orElse(null);
        List<String> edited = jdbc.queryForList("select field from section_edit where section_id = ? order by field",
                String.class, section.getId());
        return new SectionView(section.getId(), section.getName(), section.getSourceId(), section.getSchoolId(),
                section.getPeriodNames(), room, teacher, section.isRemoved(), edited);
    }

}

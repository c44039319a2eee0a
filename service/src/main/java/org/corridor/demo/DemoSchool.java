package org.corridor.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.nocontact.NoContactPair;
import org.corridor.nocontact.NoContactPairRepository;
import org.corridor.policy.RuleSet;
import org.corridor.policy.RuleSetRepository;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;

/**
 * Seeds "Demo District" once, on the first start of the demo profile. Ms Rivera's English
 * 10 runs in a period that lasts all day, every day, so a walkthrough works whenever it
 * is tried. Instances started together on an empty database seed it once: each takes the
 * row lock of {@code seed_lock 'demo-school'} before it looks, so the second waits for
 * the first's commit and then finds the district there.
 */
@Component
@Profile("demo")
class DemoSchool implements ApplicationRunner {

    static final String DISTRICT = "Demo District";

    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private static final String DOMAIN = "@corridor.test";

    private static final String[][] STUDENTS = { { "Ava", "Adams" }, { "Ben", "Brooks" }, { "Cara", "Castillo" },
            { "Dan", "Dubois" }, { "Eli", "Evans" }, { "Fay", "Fischer" }, { "Gus", "Garcia" }, { "Hana", "Hoang" },
            { "Ivan", "Ivanov" }, { "Jade", "Jensen" }, { "Kai", "Kim" }, { "Lena", "Lopez" }, { "Milo", "Moreau" },
            { "Nora", "Nakamura" }, { "Omar", "Osei" }, { "Pia", "Patel" }, { "Quinn", "Quigley" }, { "Rosa", "Rossi" },
            { "Sami", "Said" }, { "Theo", "Tran" }, { "Uma", "Usman" }, { "Vik", "Varga" }, { "Wren", "Walsh" },
            { "Yara", "Young" } };

    private final DistrictRepository districts;

    private final SchoolRepository schools;

    private final SchoolPeriodRepository periods;

    private final PersonRepository people;

    private final LocationRepository locations;

    private final SectionRepository sections;

    private final NoContactPairRepository noContact;

    private final RuleSetRepository ruleSets;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final ZoneId timeZone;

    DemoSchool(DistrictRepository districts, SchoolRepository schools, SchoolPeriodRepository periods,
            PersonRepository people, LocationRepository locations, SectionRepository sections,
            NoContactPairRepository noContact, RuleSetRepository ruleSets, JdbcTemplate jdbc, Clock clock,
            @Value("${corridor.demo.time-zone:America/New_York}") ZoneId timeZone) {
        this.districts = districts;
        this.schools = schools;
        this.periods = periods;
        this.people = people;
        this.locations = locations;
        this.sections = sections;
        this.noContact = noContact;
        this.ruleSets = ruleSets;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeZone = timeZone;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // held until this transaction ends: another instance seeding now waits here
        jdbc.queryForList("select name from seed_lock where name = 'demo-school' for update", String.class);
        if (districts.findByName(DISTRICT).isPresent()) {
            return;
        }
        District district = districts.save(new District(DISTRICT));
        School school = schools.save(new School(district.getId(), "Demo High", timeZone));
        String d = district.getId();
        String s = school.getId();

        Person admin = people.save(new Person(d, s, "admin" + DOMAIN, "Alex", "Admin", Role.ADMIN));
        people.save(new Person(d, s, "auditor" + DOMAIN, "Audrey", "Auditor", Role.AUDITOR));
        Person rivera = people
            .save(new Person(d, s, "rivera" + DOMAIN, "Maria", "Rivera", Role.TEACHER).withDisplayName("Ms Rivera"));
        Person chen = people
            .save(new Person(d, s, "chen" + DOMAIN, "Wei", "Chen", Role.TEACHER).withDisplayName("Mr Chen"));
        Person okafor = people
            .save(new Person(d, s, "okafor" + DOMAIN, "Chidi", "Okafor", Role.TEACHER).withDisplayName("Mr Okafor"));

        Location room204 = locations.save(Location.room(s, "Room 204"));
        locations.save(Location.destination(s, "Restroom", 2).allowingAutoPasses());
        locations.save(Location.destination(s, "Nurse", 0));
        locations.save(Location.destination(s, "Library", 10).staffedBy(okafor.getId()));
        locations.save(Location.destination(s, "Main Office", 0));

        SchoolPeriod allDay = periods.save(new SchoolPeriod(s, "Demo period (all day)", LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class)));
        Section english = new Section(s, allDay, room204.getId(), rivera.getId(), "English 10")
            .withCoTeacher(chen.getId());
        List<Person> students = new ArrayList<>();
        for (int i = 0; i < STUDENTS.length; i++) {
            String given = STUDENTS[i][0];
            students.add(people.save(new Person(d, s, given.toLowerCase() + DOMAIN, given, STUDENTS[i][1], Role.STUDENT)
                .withStudentNumber(String.valueOf(1001 + i))));
        }
        students.forEach(student -> english.enrol(student.getId()));
        sections.save(english);
        noContact.save(new NoContactPair(d, students.get(0).getId(), students.get(1).getId()));
        ruleSets.save(
                RuleSet.active(d, 1, DefaultRuleSet.drl(), admin.getId(), "Corridor's default rules", clock.instant()));
        log.info("Seeded the demo district {} with {} students", d, students.size());
    }

}

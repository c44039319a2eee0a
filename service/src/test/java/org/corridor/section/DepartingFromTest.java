package org.corridor.section;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a student's sections routing offers, and why the others are not offered. */
@OnH2
class DepartingFromTest extends ApiTest {

    private static final String ALL_DAY = "Demo period (all day)";

    @Autowired
    DepartingFrom departingFrom;

    @Autowired
    SchoolRepository schools;

    @Autowired
    SchoolPeriodRepository periods;

    private final List<Section> made = new ArrayList<>();

    private Person student;

    private School school;

    private SchoolPeriod closed;

    private LocalDate today;

    @BeforeEach
    void aStudentOfTheDemoSchool() {
        school = schools.findById(schoolId()).orElseThrow();
        student = people.save(new Person(school.getDistrictId(), school.getId(), null, "Zoë", "Routing", Role.STUDENT));
        // A period of the bell schedule that meets on no day: never in session.
        closed = periods.save(new SchoolPeriod(school.getId(), "Closed", LocalTime.of(8, 0), LocalTime.of(9, 0),
                EnumSet.noneOf(DayOfWeek.class)));
        today = LocalDate.now(school.getTimeZone());
    }

    @AfterEach
    void removeWhatTheTestMade() {
        sections.deleteAll(made);
        periods.delete(closed);
        people.delete(student);
    }

    private Section section(String name, String period, LocalDate begins, LocalDate ends) {
        Section section = sections
            .save(new Section(school.getId(), period, room("Room 204"), person("rivera").getId(), name)
                .enrol(student.getId(), begins, ends));
        made.add(section);
        return section;
    }

    private Offer offerOf(String name) {
        return departingFrom.standings(student, school, Instant.now())
            .stream()
            .filter(s -> s.section().getName().equals(name))
            .findFirst()
            .orElseThrow()
            .offer();
    }

    @Test
    void aSectionWhosePeriodIsInSessionAndWhoseEnrolmentIncludesTodayIsOffered() {
        section("Open", ALL_DAY, today.minusDays(1), today.plusDays(1));

        assertThat(departingFrom.now(student, school)).extracting(c -> c.section().getName()).containsExactly("Open");
        assertThat(offerOf("Open")).isEqualTo(Offer.OFFERED);
    }

    @Test
    void anEnrolmentThatBeginsTomorrowIsNotOfferedYet() {
        section("Later", ALL_DAY, today.plusDays(1), null);

        assertThat(offerOf("Later")).isEqualTo(Offer.NOT_ENROLLED_YET);
    }

    @Test
    void anEnrolmentThatEndedYesterdayIsNotOffered() {
        section("Dropped", ALL_DAY, null, today.minusDays(1));

        assertThat(offerOf("Dropped")).isEqualTo(Offer.ENROLMENT_ENDED);
    }

    @Test
    void aSectionWhoseTermIsOverIsNotOffered() {
        Section section = section("Last year", ALL_DAY, null, null);
        made.set(made.size() - 1, sections.save(section.inTerm(today.minusYears(1), today.minusDays(1))));

        assertThat(offerOf("Last year")).isEqualTo(Offer.TERM_OVER);
    }

    @Test
    void aPeriodTheBellScheduleDoesNotKnowIsNotOfferedAndIsNamed() {
        section("Period three", "3", null, null);

        DepartingFrom.Standing standing = departingFrom.standings(student, school, Instant.now()).get(0);

        assertThat(standing.offer()).isEqualTo(Offer.PERIOD_NOT_IN_BELL_SCHEDULE);
        assertThat(standing.unscheduledPeriods()).containsExactly("3");
    }

    @Test
    void aPeriodNotInSessionIsNotOffered() {
        section("Morning", "Closed", null, null);

        assertThat(offerOf("Morning")).isEqualTo(Offer.PERIOD_NOT_IN_SESSION);
    }

    @Test
    void aSectionMeetingInSeveralPeriodsIsOfferedWhenAnyIsInSession() {
        Section section = section("Block", "Closed", null, null);
        made.set(made.size() - 1, sections.save(section.meetingAlsoIn(ALL_DAY)));

        assertThat(departingFrom.now(student, school)).singleElement()
            .satisfies(c -> assertThat(c.period().getName()).isEqualTo(ALL_DAY));
    }

    @Test
    void aRemovedSectionIsNotOffered() {
        Section section = section("Gone", ALL_DAY, null, null);
        jdbc.update("update section set removed_at = current_timestamp where id = ?", section.getId());

        assertThat(offerOf("Gone")).isEqualTo(Offer.SECTION_REMOVED);
    }

    @Test
    void aSectionWithoutARoomIsOfferedWithNoRoom() {
        Section section = sections.save(new Section(school.getId(), ALL_DAY, null, person("rivera").getId(), "Roomless")
            .enrol(student.getId()));
        made.add(section);

        assertThat(departingFrom.now(student, school)).singleElement().satisfies(c -> assertThat(c.room()).isNull());
    }

}

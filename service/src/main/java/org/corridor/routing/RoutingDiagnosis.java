package org.corridor.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.DepartingFrom;
import org.corridor.section.DepartingFrom.Standing;
import org.corridor.section.Section;
import org.corridor.security.Caller;

/**
 * "Why didn't Ms X get it?": where a request from the student would go at a moment and
 * why, from the same standings routing itself uses ({@link DepartingFrom#standings}), and
 * where their recent requests went. Most "my teacher never got it" reports are a roster
 * that does not match the class the student is leaving, or a co-teacher expecting the
 * main teacher's requests.
 */
@Service
class RoutingDiagnosis {

    private final PersonRepository people;

    private final SchoolRepository schools;

    private final SchoolPeriodRepository periods;

    private final LocationRepository locations;

    private final DepartingFrom departingFrom;

    private final RecentRequests recentRequests;

    private final Clock clock;

    RoutingDiagnosis(PersonRepository people, SchoolRepository schools, SchoolPeriodRepository periods,
            LocationRepository locations, DepartingFrom departingFrom, RecentRequests recentRequests, Clock clock) {
        this.people = people;
        this.schools = schools;
        this.periods = periods;
        this.locations = locations;
        this.departingFrom = departingFrom;
        this.recentRequests = recentRequests;
        this.clock = clock;
    }

    /**
     * What an administrator asked: the student (by id or number), maybe a teacher, maybe
     * a moment.
     */
    record Question(String studentId, String studentNumber, String teacherId, String at, String limit) {
    }

    @Transactional(readOnly = true)
    public RoutingAnswer diagnose(Caller caller, Question question) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.AUDITOR))) {
            throw ApiProblem.forbidden("Only administrators and auditors can see where a student's requests go.");
        }
        int limit = limit(question.limit());
        Person student = student(caller, question);
        Person teacher = question.teacherId() == null ? null : teacher(caller, question.teacherId());
        School school = schools
            .findByIdAndDistrictId(student.getSchoolId() == null ? "" : student.getSchoolId(), caller.districtId())
            .orElseThrow(() -> invalid("studentId", student.getName() + " (" + student.getId()
                    + ") belongs to no school: no request of theirs can be routed."));
        Instant at = question.at() == null ? clock.instant() : SchoolClock.read(question.at(), school.getTimeZone());
        String schoolTime = SchoolClock.schoolTime(at, school.getTimeZone());

        List<Standing> standings = departingFrom.standings(student, school, at);
        RosterLookup roster = RosterLookup.of(standings.stream().map(Standing::section).toList(), school.getId(),
                people, locations, periods);
        OfferReasons reasons = new OfferReasons(student, school, roster, schoolTime);
        List<Standing> offered = standings.stream().filter(Standing::offered).toList();
        RoutingAnswer.Verdict verdict = offered.isEmpty() ? RoutingAnswer.Verdict.REFUSED
                : offered.size() == 1 ? RoutingAnswer.Verdict.ROUTED : RoutingAnswer.Verdict.CHOICE;

        return new RoutingAnswer(
                new RoutingAnswer.Student(student.getId(), student.getName(), student.getStudentNumber(),
                        student.isRemoved(), student.getRemovedAt()),
                new RoutingAnswer.School(school.getId(), school.getName(), school.getTimeZone().getId()), at,
                schoolTime, verdict,
                explanation(verdict, student, school, standings, offered, reasons, roster, schoolTime),
                offered.stream().map(s -> route(s, roster)).toList(),
                standings.stream().map(s -> standing(s, roster, reasons)).toList(), school.isInEmergency(),
                teacher == null ? null
                        : TeacherVerdict.of(teacher, student, school, standings, verdict, reasons, roster, schoolTime),
                recentRequests.of(caller.districtId(), student, question.teacherId(), limit));
    }

    private static String explanation(RoutingAnswer.Verdict verdict, Person student, School school,
            List<Standing> standings, List<Standing> offered, OfferReasons reasons, RosterLookup roster,
            String schoolTime) {
        String emergency = school.isInEmergency() ? " " + school.getName()
                + " is in an emergency now: every request is refused until an administrator clears it." : "";
        return switch (verdict) {
            case ROUTED -> {
                Standing only = offered.get(0);
                Section section = only.section();
                var room = roster.room(section.getRoomId());
                String where = OfferReasons.period(only.period().getName()) + ", "
                        + (room == null ? "no room in the roster" : room.getName());
                yield (only.cover() == null
                        ? "A request at " + schoolTime + " would go to " + roster.nameOf(section.getMainTeacherId())
                                + " (main teacher of " + section.getName() + ", " + where + ")."
                        : "A request at " + schoolTime + " would go to " + only.teacher().getName() + ": "
                                + section.getName() + " is covered by " + only.teacher().getName() + " until "
                                + SchoolClock.weekday(only.cover().getUntilDate()) + " (" + where
                                + "), so its main teacher, " + roster.nameOf(section.getMainTeacherId())
                                + ", does not receive it.")
                        + emergency;
            }
            case CHOICE -> "At " + schoolTime + " " + student.getName() + " is in " + offered.size() + " classes: "
                    + offered.stream()
                        .map(s -> s.section().getName() + " (" + s.teacher().getName()
                                + (s.cover() == null ? ""
                                        : ", covering until " + SchoolClock.weekday(s.cover().getUntilDate()))
                                + ")")
                        .collect(Collectors.joining(", "))
                    + ". The student chooses the class they are leaving (Departing From), and the request goes to"
                    + " that class's main teacher (its covering teacher while it is covered)." + emergency;
            case REFUSED -> refusal(student, school, standings, reasons, schoolTime) + emergency;
        };
    }

    private static String refusal(Person student, School school, List<Standing> standings, OfferReasons reasons,
            String schoolTime) {
        if (student.isRemoved()) {
            return student.getName() + " was removed from the roster on "
                    + SchoolClock.day(student.getRemovedAt(), school.getTimeZone()) + ": a request would be refused.";
        }
        if (standings.isEmpty()) {
            return student.getName() + " is in no class of " + school.getName() + " in the roster: a request would be"
                    + " refused, as there is no class to leave and no teacher to receive it.";
        }
        // Roster mistakes first: they are what an administrator can fix.
        String why = standings.stream()
            .sorted(Comparator.comparing(s -> !OfferReasons.ROSTER_PROBLEMS.contains(s.offer())))
            .map(reasons::clause)
            .collect(Collectors.joining("; "));
        return "No class is offered for " + student.getName() + " at " + schoolTime
                + ", so a request would be refused: " + why + ".";
    }

    private static RoutingAnswer.Route route(Standing standing, RosterLookup roster) {
        Section section = standing.section();
        return new RoutingAnswer.Route(new RoutingAnswer.Ref(section.getId(), section.getName()),
                standing.period().getName(), roster.ref(roster.room(section.getRoomId())),
                roster.ref(roster.person(section.getMainTeacherId())), roster.ref(standing.teacher()), cover(standing));
    }

    /** The cover in force, or null. */
    static RoutingAnswer.Cover cover(Standing standing) {
        return standing.cover() == null ? null
                : new RoutingAnswer.Cover(standing.cover().getId(),
                        new RoutingAnswer.Ref(standing.teacher().getId(), standing.teacher().getName()),
                        standing.cover().getFromDate(), standing.cover().getUntilDate());
    }

    private static RoutingAnswer.SectionStanding standing(Standing standing, RosterLookup roster,
            OfferReasons reasons) {
        Section section = standing.section();
        return new RoutingAnswer.SectionStanding(section.getId(), section.getName(),
                List.copyOf(section.getPeriodNames()), roster.ref(roster.room(section.getRoomId())),
                roster.ref(roster.person(section.getMainTeacherId())),
                section.getCoTeacherIds()
                    .stream()
                    .sorted()
                    .map(id -> roster.person(id) == null ? new RoutingAnswer.Ref(id, null)
                            : roster.ref(roster.person(id)))
                    .toList(),
                cover(standing), standing.offered(), standing.offer(), reasons.sentence(standing));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return RecentRequests.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= RecentRequests.MOST) {
                return value;
            }
        }
        catch (NumberFormatException notANumber) {
            // refused below, like a number out of range
        }
        throw InvalidInput.field("limit",
                "limit is how many recent requests to list: a whole number from 1 to " + RecentRequests.MOST + ".");
    }

    private Person student(Caller caller, Question question) {
        if (question.studentId() != null && question.studentNumber() != null) {
            throw InvalidInput.field("studentNumber", "Name the student by studentId or by studentNumber, not both.");
        }
        if (question.studentId() == null && question.studentNumber() == null) {
            throw InvalidInput.field("studentId", "Name the student: studentId (or studentNumber).");
        }
        Person person;
        if (question.studentId() != null) {
            person = inDistrict(caller, question.studentId());
        }
        else {
            person = byNumber(caller, question.studentNumber());
        }
        if (!person.has(Role.STUDENT)) {
            throw invalid(question.studentId() != null ? "studentId" : "studentNumber", person.getName() + " ("
                    + person.getId() + ") is not a student: only students' requests are routed.");
        }
        return person;
    }

    /**
     * A school administrator's own school first: numbers are unique within a school, not
     * a district.
     */
    private Person byNumber(Caller caller, String number) {
        List<Person> found = people.findByDistrictIdAndStudentNumber(caller.districtId(), number)
            .stream()
            .filter(p -> p.has(Role.STUDENT))
            .toList();
        List<Person> ownSchool = found.stream()
            .filter(p -> caller.schoolId() != null && caller.schoolId().equals(p.getSchoolId()))
            .toList();
        List<Person> candidates = ownSchool.isEmpty() ? found : ownSchool;
        if (candidates.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Student not found",
                    "There is no student with number " + number + " in your district.");
        }
        if (candidates.size() > 1) {
            throw InvalidInput.field("studentNumber", candidates.size() + " students of your district have number "
                    + number + ": name the student by studentId.");
        }
        return candidates.get(0);
    }

    private Person teacher(Caller caller, String teacherId) {
        Person person = inDistrict(caller, teacherId);
        if (!person.has(Role.TEACHER)) {
            throw invalid("teacherId",
                    person.getName() + " (" + person.getId() + ") is not a teacher: only teachers receive requests.");
        }
        return person;
    }

    private Person inDistrict(Caller caller, String id) {
        return people.findByIdAndDistrictId(id, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("Person", id));
    }

    /** Well-formed, but names someone routing does not apply to. */
    private static ApiProblem invalid(String field, String message) {
        return InvalidInput.field("Cannot be diagnosed", field, message);
    }

}

package org.corridor.routing;

import java.util.List;
import java.util.Optional;

import org.corridor.person.Person;
import org.corridor.school.EscalateTo;
import org.corridor.school.School;
import org.corridor.section.DepartingFrom.Standing;
import org.corridor.section.Offer;
import org.corridor.section.Section;

/**
 * Whether the teacher asked about would receive the student's request at that moment, and
 * why not: only the main teacher of the class the student leaves receives it; co-teachers
 * do not; a teacher of the student's other period does not at this time.
 */
final class TeacherVerdict {

    private TeacherVerdict() {
    }

    static RoutingAnswer.TeacherAnswer of(Person teacher, Person student, School school, List<Standing> standings,
            RoutingAnswer.Verdict verdict, OfferReasons reasons, RosterLookup roster, String schoolTime) {
        String name = teacher.getName();
        String id = teacher.getId();
        List<Standing> offered = standings.stream().filter(Standing::offered).toList();
        Optional<Standing> covering = offered.stream()
            .filter(s -> s.cover() != null && id.equals(s.teacher().getId()))
            .findFirst();
        if (covering.isPresent()) {
            Standing cover = covering.get();
            String section = cover.section().getName();
            String until = SchoolClock.weekday(cover.cover().getUntilDate());
            return answer(teacher, true,
                    verdict == RoutingAnswer.Verdict.CHOICE
                            ? name + " would receive it if " + student.getName() + " chooses " + section
                                    + " as Departing From: " + name + " covers it until " + until + "."
                            : name + " would receive it: " + name + " covers " + section + " until " + until
                                    + ", in session at " + schoolTime + ".");
        }
        Optional<Standing> coveredMainOf = offered.stream()
            .filter(s -> s.cover() != null && id.equals(s.section().getMainTeacherId()))
            .findFirst();
        if (coveredMainOf.isPresent()) {
            Standing covered = coveredMainOf.get();
            return answer(teacher, false,
                    name + " is the main teacher of " + covered.section().getName() + ", but it is covered by "
                            + covered.teacher().getName() + " until "
                            + SchoolClock.weekday(covered.cover().getUntilDate()) + ": its requests go to "
                            + covered.teacher().getName() + ", not to " + name + ".");
        }
        Optional<Standing> mainOf = offered.stream().filter(s -> id.equals(s.section().getMainTeacherId())).findFirst();
        if (mainOf.isPresent()) {
            String section = mainOf.get().section().getName();
            return answer(teacher, true, verdict == RoutingAnswer.Verdict.CHOICE
                    ? name + " would receive it if " + student.getName() + " chooses " + section
                            + " as Departing From: " + name + " is its main teacher."
                    : name + " would receive it: main teacher of " + section + ", in session at " + schoolTime + ".");
        }
        Optional<Standing> coTeacherOf = offered.stream()
            .filter(s -> s.section().getCoTeacherIds().contains(id))
            .findFirst();
        if (coTeacherOf.isPresent()) {
            Section section = coTeacherOf.get().section();
            return answer(teacher, false,
                    name + " is a co-teacher of " + section.getName()
                            + ": co-teachers do not receive requests; it goes to "
                            + coTeacherOf.get().teacher().getName() + "." + escalationNote(school));
        }
        String elsewhere = whereElseTaught(teacher, student, standings, reasons, schoolTime);
        if (teacher.isRemoved()) {
            return answer(teacher, false,
                    name + " was removed from the roster on "
                            + SchoolClock.day(teacher.getRemovedAt(), school.getTimeZone())
                            + ": requests no longer reach them." + (elsewhere == null ? "" : " " + elsewhere));
        }
        if (elsewhere != null) {
            return answer(teacher, false, elsewhere + goesTo(offered, verdict, roster, schoolTime));
        }
        return answer(teacher, false,
                name + " does not teach " + student.getName() + " in any class of the roster: " + "no request of "
                        + student.getName() + "'s goes to " + name + "."
                        + goesTo(offered, verdict, roster, schoolTime));
    }

    /**
     * "Mr Okafor teaches Ava Adams in Study Hall (period 3, …), not at Mon 12:10.", or
     * null.
     */
    private static String whereElseTaught(Person teacher, Person student, List<Standing> standings,
            OfferReasons reasons, String schoolTime) {
        return standings.stream().filter(s -> s.section().isTaughtBy(teacher.getId())).findFirst().map(s -> {
            boolean main = teacher.getId().equals(s.section().getMainTeacherId());
            String teaches = teacher.getName() + (main ? " teaches " : " co-teaches ") + student.getName() + " in "
                    + s.section().getName();
            return s.offer() == Offer.PERIOD_NOT_IN_SESSION
                    ? teaches + " (" + periodsOf(s) + "), not at " + schoolTime + "."
                    : teaches + ", which is not offered at " + schoolTime + ": " + reasons.clause(s) + ".";
        }).orElse(null);
    }

    private static String periodsOf(Standing standing) {
        return String.join(" and ", standing.section().getPeriodNames().stream().map(OfferReasons::period).toList());
    }

    private static String goesTo(List<Standing> offered, RoutingAnswer.Verdict verdict, RosterLookup roster,
            String schoolTime) {
        return switch (verdict) {
            case ROUTED -> " A request at " + schoolTime + " goes to " + offered.get(0).teacher().getName()
                    + (offered.get(0).cover() == null ? "."
                            : ", who covers " + offered.get(0).section().getName() + ".");
            case CHOICE -> " At " + schoolTime + " it goes to the main teacher of the class the student chooses.";
            case REFUSED -> " At " + schoolTime + " a request would be refused.";
        };
    }

    /**
     * Where the school escalates unopened requests to co-teachers, they do hear of it,
     * later.
     */
    private static String escalationNote(School school) {
        if (school.getEscalateTo() != EscalateTo.CO_TEACHERS) {
            return "";
        }
        int seconds = school.getEscalateAfterSeconds();
        String after = seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes")
                : seconds + " seconds";
        return " " + school.getName() + " escalates to co-teachers a request left unopened for " + after + ".";
    }

    private static RoutingAnswer.TeacherAnswer answer(Person teacher, boolean wouldReceive, String explanation) {
        return new RoutingAnswer.TeacherAnswer(teacher.getId(), teacher.getName(), wouldReceive, explanation);
    }

}

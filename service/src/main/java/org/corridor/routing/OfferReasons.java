package org.corridor.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.corridor.person.Person;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.section.DepartingFrom.Standing;
import org.corridor.section.Offer;
import org.corridor.section.Section;

/**
 * Says why a section of the student is or is not offered, in the school's words and with
 * the roster's facts (the period names, their bell times, the dates, the teacher):
 * {@link Offer} gives the reason, this names what it is about.
 */
final class OfferReasons {

    /**
     * Reasons that are mistakes in the roster or the bell schedule rather than the normal
     * course of a day.
     */
    static final Set<Offer> ROSTER_PROBLEMS = EnumSet.of(Offer.PERIOD_NOT_IN_BELL_SCHEDULE, Offer.NO_PERIODS,
            Offer.NO_MAIN_TEACHER, Offer.MAIN_TEACHER_REMOVED);

    private final Person student;

    private final School school;

    private final RosterLookup roster;

    private final String schoolTime;

    OfferReasons(Person student, School school, RosterLookup roster, String schoolTime) {
        this.student = student;
        this.school = school;
        this.roster = roster;
        this.schoolTime = schoolTime;
    }

    /**
     * One clause, no full stop: "English 10 meets in period 4, which is not in the bell
     * schedule of Demo High".
     */
    String clause(Standing standing) {
        Section section = standing.section();
        String name = section.getName();
        return switch (standing.offer()) {
            case OFFERED -> name + " is in session in " + periodWithTimes(standing.period())
                    + (standing.cover() == null
                            ? ": a request goes to its main teacher, " + roster.nameOf(section.getMainTeacherId())
                            : ": it is covered by " + standing.teacher().getName() + " until "
                                    + SchoolClock.weekday(standing.cover().getUntilDate()) + ", so a request goes to "
                                    + standing.teacher().getName() + ", not to its main teacher, "
                                    + roster.nameOf(section.getMainTeacherId()));
            case STUDENT_REMOVED ->
                student.getName() + " was removed from the roster on " + day(student.getRemovedAt());
            case SECTION_REMOVED -> name + " was removed from the roster on " + day(section.getRemovedAt());
            case NOT_ENROLLED_YET ->
                student.getName() + "'s enrolment in " + name + " begins on " + standing.enrolment().getBeginsOn();
            case ENROLMENT_ENDED ->
                student.getName() + "'s enrolment in " + name + " ended on " + standing.enrolment().getEndsOn();
            case TERM_NOT_STARTED -> name + "'s term starts on " + section.getTermStartsOn();
            case TERM_OVER -> name + "'s term ended on " + section.getTermEndsOn();
            case NO_PERIODS -> "the roster gives " + name + " no period, so it is never in session";
            case PERIOD_NOT_IN_BELL_SCHEDULE -> name + " meets in " + unscheduled(standing.unscheduledPeriods());
            case PERIOD_NOT_IN_SESSION -> name + " meets in " + scheduledPeriods(section) + ", not at " + schoolTime
                    + (standing.unscheduledPeriods().isEmpty() ? ""
                            : "; " + unscheduled(standing.unscheduledPeriods()));
            case NO_MAIN_TEACHER -> name + " has no main teacher in the roster: nobody would receive a request";
            case MAIN_TEACHER_REMOVED -> name + "'s main teacher, " + roster.nameOf(section.getMainTeacherId())
                    + ", was removed from the roster: nobody would receive a request";
        };
    }

    /** The clause as a sentence. */
    String sentence(Standing standing) {
        String clause = clause(standing);
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
    }

    /**
     * "period 4" for a short period name such as the roster's "4"; a longer name ("Period
     * 2") as it is.
     */
    static String period(String name) {
        return name.length() <= 3 ? "period " + name : name;
    }

    /** "period 3, 10:00–10:50 Mon–Fri"; "Demo period (all day), all day every day". */
    String periodWithTimes(SchoolPeriod period) {
        boolean allDay = period.getStartsAt().equals(LocalTime.MIDNIGHT)
                && period.getEndsAt().equals(LocalTime.MIDNIGHT);
        return period(period.getName()) + ", "
                + (allDay ? "all day"
                        : SchoolClock.clock(period.getStartsAt()) + "–" + SchoolClock.clock(period.getEndsAt()))
                + " " + days(period.getDays());
    }

    private String scheduledPeriods(Section section) {
        List<String> known = new ArrayList<>();
        for (String name : section.getPeriodNames()) {
            SchoolPeriod period = roster.period(name);
            if (period != null) {
                known.add(periodWithTimes(period));
            }
        }
        return String.join(" and ", known);
    }

    private String unscheduled(Collection<String> names) {
        List<String> periods = names.stream().map(OfferReasons::period).toList();
        return String.join(" and ", periods) + (periods.size() == 1 ? ", which is" : ", which are")
                + " not in the bell schedule of " + school.getName();
    }

    /** "Mon–Fri", "every day", "Mon, Wed, Fri", "no day". */
    static String days(Set<DayOfWeek> days) {
        if (days.isEmpty()) {
            return "on no day";
        }
        if (days.size() == 7) {
            return "every day";
        }
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (consecutive && sorted.size() >= 3) {
            return short_(sorted.get(0)) + "–" + short_(sorted.get(sorted.size() - 1));
        }
        return sorted.stream().map(OfferReasons::short_).collect(Collectors.joining(", "));
    }

    private static String short_(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private String day(Instant at) {
        return SchoolClock.day(at, school.getTimeZone());
    }

}

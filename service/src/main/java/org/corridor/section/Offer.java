package org.corridor.section;

/**
 * Whether a student's section is offered as a class they can leave at a given moment, and
 * if not, the first reason why, in the order they are checked. Routing diagnostics show
 * these to administrators.
 */
public enum Offer {

    OFFERED("The class is in session: requests go to its main teacher."),
    STUDENT_REMOVED("The student was removed from the roster."),
    SECTION_REMOVED("The class was removed from the roster."),
    NOT_ENROLLED_YET("The student's enrolment has not begun yet."),
    ENROLMENT_ENDED("The student's enrolment has ended."), TERM_NOT_STARTED("The class's term has not started yet."),
    TERM_OVER("The class's term is over."), NO_PERIODS("The class meets in no period."),
    PERIOD_NOT_IN_BELL_SCHEDULE("None of the class's periods is in the school's bell schedule."),
    PERIOD_NOT_IN_SESSION("None of the class's periods is in session."),
    NO_MAIN_TEACHER("The class has no main teacher to receive requests."),
    MAIN_TEACHER_REMOVED("The class's main teacher was removed from the roster.");

    private final String explanation;

    Offer(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence for an administrator. */
    public String explanation() {
        return explanation;
    }

}

package org.corridor.pass;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.corridor.location.Occupancy;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.workflow.appointment.AppointmentTransitions;
import org.corridor.workflow.appointment.AppointmentStart;

/**
 * What the appointment-pass process does to a booked pass. At its time the appointment
 * becomes an active pass: the teacher who booked it gave the approval, and the teacher
 * the student leaves was told ahead of time. It cannot start while the student already
 * has an open pass or the school is in an emergency; then it is marked EXPIRED with the
 * reason, and both student and booking teacher are told.
 */
@Component
class RecordedAppointmentTransitions implements AppointmentTransitions {

    private final PassRepository passes;

    private final SchoolRepository schools;

    private final PassEvents events;

    private final PassNotices notices;

    private final Occupancy occupancy;

    private final Clock clock;

    RecordedAppointmentTransitions(PassRepository passes, SchoolRepository schools, PassEvents events,
            PassNotices notices, Occupancy occupancy, Clock clock) {
        this.passes = passes;
        this.schools = schools;
        this.events = events;
        this.notices = notices;
        this.occupancy = occupancy;
        this.clock = clock;
    }

    @Override
    public void announce(String passId) {
        Pass pass = load(passId);
        events.recordBySystem(pass, PassEventKind.ANNOUNCED, pass.getState(),
                "Appointment announced to the student and " + "the teacher they will be leaving");
        notices.appointmentSoon(pass);
    }

    @Override
    public Optional<AppointmentStart> start(String passId) {
        Pass pass = load(passId);
        School school = schools.getReferenceById(pass.getSchoolId());
        String why = school.isInEmergency() ? "An emergency was in force at its time."
                : passes.findOpenFor(pass.getStudentId()).isPresent()
                        ? "The student already had an open pass at its time." : null;
        if (why != null) {
            pass.recordEndReason(why);
            return Optional.empty();
        }
        pass.claimForAppointment();
        events.recordBySystem(pass, PassEventKind.REQUESTED, PassState.SCHEDULED, "Appointment time");
        return Optional.of(new AppointmentStart(pass.getRoutedToId()));
    }

    @Override
    public void miss(String passId) {
        Pass pass = load(passId);
        pass.expire(clock.instant(), pass.getEndReason() != null ? pass.getEndReason() : "It could not start.",
                occupancy);
        events.recordBySystem(pass, PassEventKind.MISSED, PassState.SCHEDULED, pass.getEndReason());
        notices.appointmentMissed(pass);
    }

    @Override
    public void cancel(String passId) {
        load(passId).cancel(clock.instant(), occupancy);
    }

    private Pass load(String passId) {
        return passes.findById(passId)
            .orElseThrow(() -> new IllegalStateException("the appointment process of pass " + passId + " has no pass"));
    }

}

package org.corridor.workflow.appointment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the service's appointments: remembers what the process asked for, answers
 * a start as told.
 */
final class RecordedAppointments implements AppointmentTransitions {

    final List<String> changes = new CopyOnWriteArrayList<>();

    /** What start answers; empty means the appointment cannot start. */
    volatile Optional<AppointmentStart> start = Optional.empty();

    void registerAsMocks() {
        Map.of("announceAppointment", new AnnounceAppointment(this), "startAppointment", new StartAppointment(this),
                "missAppointment", new MissAppointment(this), "cancelAppointment", new CancelAppointment(this))
            .forEach(Mocks::register);
    }

    @Override
    public void announce(String passId) {
        changes.add("announce " + passId);
    }

    @Override
    public Optional<AppointmentStart> start(String passId) {
        changes.add("start " + passId);
        return start;
    }

    @Override
    public void miss(String passId) {
        changes.add("miss " + passId);
    }

    @Override
    public void cancel(String passId) {
        changes.add("cancel " + passId);
    }

}

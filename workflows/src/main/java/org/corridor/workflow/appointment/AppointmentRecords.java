package org.corridor.workflow.appointment;

import java.util.Optional;

public interface AppointmentRecords {
    void announce(String passId);
    Optional<AppointmentStart> start(String passId);
    void miss(String passId);
    void cancel(String passId);
}

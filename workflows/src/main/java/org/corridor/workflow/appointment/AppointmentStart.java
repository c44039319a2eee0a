package org.corridor.workflow.appointment;

import org.corridor.workflow.pass.PassTimers;

/** What it takes to start the pass lifecycle of an appointment at its time. */
public record AppointmentStart(String routedTo, PassTimers timers) {
}

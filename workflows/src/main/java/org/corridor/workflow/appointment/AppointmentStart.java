package org.corridor.workflow.appointment;

import org.corridor.workflow.pass.PassTimers;

public record AppointmentStart(String routedTo, PassTimers timers) {
}

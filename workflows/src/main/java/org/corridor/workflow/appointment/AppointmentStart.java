package org.corridor.workflow.appointment;

/**
 * What it takes to start the pass lifecycle of an appointment at its time: the teacher it
 * is routed to.
 */
public record AppointmentStart(String routedTo) {
}

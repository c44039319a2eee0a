package org.corridor.workflow.pass;

/**
 * The timer settings of a pass's school as they are now. The service keeps them with the
 * school; the engine asks through {@link TimerDurations} each time it sets a timer, so no
 * duration is kept in the process.
 */
@FunctionalInterface
public interface TimerSettings {

    PassTimers timersOf(String passId);

}

package org.corridor.workflow.pass;

/**
 * The state changes the lifecycle makes to a pass. The service keeps passes; the engine
 * only says when.
 */
public interface PassTransitions {

    void route(String passId);

    /**
     * true: the pass starts active without a teacher's approval (an AUTO pass the
     * destination allows, PROXY, APPOINTMENT at its time); false: it is routed for
     * approval (the implementation records why an AUTO pass was refused).
     */
    boolean startsWithoutApproval(String passId);

    /**
     * Asked only when {@link #startsWithoutApproval} said false: true when an AUTO pass
     * that found no place (destination full, or the school's hallway limit reached) joins
     * the destination's waiting line without a teacher, where the school lets auto passes
     * wait.
     */
    boolean joinsLine(String passId);

    /**
     * Approved when a place frees (or an auto pass that waits): the pass is WAITING, in
     * line at its destination.
     */
    void joinLine(String passId);

    /**
     * The student is out: an approval, a pass that needs none, or the first waiting pass
     * when a place freed.
     */
    void activate(String passId);

    void deny(String passId);

    void cancel(String passId);

    /** resend timer: announce the request again if the teacher still has not opened it */
    void announceAgain(String passId);

    /**
     * escalation timer: tell the school's escalation contacts about a request nobody
     * opened
     */
    void escalate(String passId);

    /** expiry timer: nobody decided in time */
    void expire(String passId);

    /** waiting expiry timer: no place freed in time */
    void expireWaiting(String passId);

    void markLongRunning(String passId);

    /** auto-end timer */
    void endBySystem(String passId);

    void complete(String passId);

}

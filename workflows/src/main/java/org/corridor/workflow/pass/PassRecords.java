package org.corridor.workflow.pass;

public interface PassRecords {
    void route(String passId);
    boolean startsWithoutApproval(String passId);
    void activate(String passId);
    void deny(String passId);
    void cancel(String passId);
    void announceAgain(String passId);
    void escalate(String passId);
    void expire(String passId);
    void markLongRunning(String passId);
    void endBySystem(String passId);
    void complete(String passId);
}

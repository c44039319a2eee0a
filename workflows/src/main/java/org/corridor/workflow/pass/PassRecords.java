package org.corridor.workflow.pass;

/** The state changes the lifecycle makes to a pass. The service keeps passes; the engine only says when. */
public interface PassRecords {
    void route(String passId);

    void activate(String passId);

    void deny(String passId);

    void cancel(String passId);

    void complete(String passId);
}

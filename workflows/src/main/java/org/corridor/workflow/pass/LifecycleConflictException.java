package org.corridor.workflow.pass;

/**
 * The pass's process is not at the step the caller expected: someone else acted first, or
 * it is over.
 */
public class LifecycleConflictException extends RuntimeException {

    private final String passId;

    public LifecycleConflictException(String passId, String reason) {
        super(reason);
        this.passId = passId;
    }

    public String passId() {
        return passId;
    }

}

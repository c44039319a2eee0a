package org.corridor.workflow.pass;

/**
 * Evaluates the district's active rules against a pass and stores the flags they raise.
 */
public interface PolicyCheck {

    /**
     * @return true when a flag of severity BLOCK fired, so the request is denied without
     * a teacher.
     */
    boolean blocks(String passId);

}

package org.corridor.rules;

/** How much a flag weighs on the teacher's decision. Only BLOCK decides by itself. */
public enum Severity {

    INFO, WARN, BLOCK

}

package org.corridor.rules;

/**
 * A flag as stored with a pass: what the rule said, which rule said it, and in which
 * rule-set version.
 */
public record RaisedFlag(String code, Severity severity, String message, String studentMessage, String rule,
        String ruleSetVersion) {
}

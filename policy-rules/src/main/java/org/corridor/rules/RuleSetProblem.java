package org.corridor.rules;

/**
 * Why a rule set cannot be used, at which line and column of its DRL (0 when the compiler
 * gives none).
 */
public record RuleSetProblem(int line, int column, String reason) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + reason;
    }
}

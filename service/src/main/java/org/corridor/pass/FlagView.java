package org.corridor.pass;

import org.corridor.rules.Severity;

/**
 * A flag as the API shows it. Students get the wording meant for them, which names no
 * other student.
 */
public record FlagView(String code, Severity severity, String message, String rule, String ruleSetVersion) {

    static FlagView of(PassFlag flag) {
        return new FlagView(flag.getCode(), flag.getSeverity(), flag.getMessage(), flag.getRuleName(),
                flag.getRuleSetVersion());
    }

    static FlagView forStudent(PassFlag flag) {
        return new FlagView(flag.getCode(), flag.getSeverity(), flag.getStudentMessage(), flag.getRuleName(),
                flag.getRuleSetVersion());
    }
}

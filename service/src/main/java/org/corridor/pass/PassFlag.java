package org.corridor.pass;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;

/** A flag as stored with a pass. */
@Embeddable
public class PassFlag {

    private String code;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String message;

    private String studentMessage;

    private String ruleName;

    private String ruleSetVersion;

    protected PassFlag() {
    }

    PassFlag(RaisedFlag raised) {
        this.code = raised.code();
        this.severity = raised.severity();
        this.message = clip(raised.message());
        this.studentMessage = clip(raised.studentMessage());
        this.ruleName = clip(raised.rule());
        this.ruleSetVersion = raised.ruleSetVersion();
    }

    // A district's message may run long; the column keeps 500 characters, enough for any
    // sentence a teacher reads.
    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    public String getCode() {
        return code;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getMessage() {
        return message;
    }

    public String getStudentMessage() {
        return studentMessage;
    }

    public String getRuleName() {
        return ruleName;
    }

    public String getRuleSetVersion() {
        return ruleSetVersion;
    }

}

package org.corridor.rules;

import java.util.Objects;

/**
 * What a rule's consequence inserts: the only thing a district rule may produce.
 * {@code studentMessage} is what the requesting student sees; it must not name other
 * students.
 */
public final class Flag {

    private final String code;

    private final Severity severity;

    private final String message;

    private final String studentMessage;

    public Flag(String code, Severity severity, String message) {
        this(code, severity, message, message);
    }

    public Flag(String code, Severity severity, String message, String studentMessage) {
        this.code = Objects.requireNonNull(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.message = Objects.requireNonNull(message, "message");
        this.studentMessage = studentMessage == null ? message : studentMessage;
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

    @Override
    public String toString() {
        return code + "(" + severity + ")";
    }

}

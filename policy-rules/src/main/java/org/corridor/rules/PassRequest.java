package org.corridor.rules;

import java.time.LocalDate;

/**
 * The request being decided: who asks, for what kind of pass, to go where, on which
 * school day.
 */
public final class PassRequest {

    private final String passId;

    private final String studentId;

    private final String type;

    private final String channel;

    private final String destinationId;

    private final String departingFromSectionId;

    private final LocalDate date;

    public PassRequest(String passId, String studentId, String type, String channel, String destinationId,
            String departingFromSectionId, LocalDate date) {
        this.passId = passId;
        this.studentId = studentId;
        this.type = type;
        this.channel = channel;
        this.destinationId = destinationId;
        this.departingFromSectionId = departingFromSectionId;
        this.date = date;
    }

    public String getPassId() {
        return passId;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getType() {
        return type;
    }

    public String getChannel() {
        return channel;
    }

    public String getDestinationId() {
        return destinationId;
    }

    public String getDepartingFromSectionId() {
        return departingFromSectionId;
    }

    /** The school day of the request, in the school's time zone. */
    public LocalDate getDate() {
        return date;
    }

}

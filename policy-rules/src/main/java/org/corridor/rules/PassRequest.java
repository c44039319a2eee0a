package org.corridor.rules;

/** The request being decided: who asks, for what kind of pass, to go where. */
public final class PassRequest {
    private final String passId;
    private final String studentId;
    private final String type;
    private final String channel;
    private final String destinationId;
    private final String departingFromSectionId;

    public PassRequest(String passId, String studentId, String type, String channel,
                       String destinationId, String departingFromSectionId) {
        this.passId = passId;
        this.studentId = studentId;
        this.type = type;
        this.channel = channel;
        this.destinationId = destinationId;
        this.departingFromSectionId = departingFromSectionId;
    }

    public String getPassId() { return passId; }
    public String getStudentId() { return studentId; }
    public String getType() { return type; }
    public String getChannel() { return channel; }
    public String getDestinationId() { return destinationId; }
    public String getDepartingFromSectionId() { return departingFromSectionId; }
}

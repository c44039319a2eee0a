package org.corridor.rules;

/**
 * A student the requester must not be in the halls with, who is out on a pass right now.
 */
public final class NoContactOut {

    private final String studentId;

    private final String partnerId;

    private final String partnerName;

    private final String partnerDestination;

    public NoContactOut(String studentId, String partnerId, String partnerName, String partnerDestination) {
        this.studentId = studentId;
        this.partnerId = partnerId;
        this.partnerName = partnerName;
        this.partnerDestination = partnerDestination;
    }

    public String getStudentId() {
        return studentId;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public String getPartnerDestination() {
        return partnerDestination;
    }

}

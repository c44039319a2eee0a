package org.corridor.school;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.persistence.Identified;

/** A school keeps its own clock: periods and "today" are read in its time zone. */
@Entity
public class School extends Identified {

    private String districtId;

    private String name;

    private String timeZone;

    private int longRunningMinutes = 10;

    private int autoEndMinutes = 45;

    private int requestExpiryMinutes = 15;

    private String countedPassTypes = "REGULAR,AUTO,PROXY";

    private int resendAfterSeconds = 120;

    private int escalateAfterSeconds = 300;

    @Enumerated(EnumType.STRING)
    private EscalateTo escalateTo = EscalateTo.ADMINISTRATORS;

    private int appointmentLeadMinutes = 5;

    private boolean kioskRequiresPin;

    private String emergencyId;

    private int waitingExpiryMinutes = 10;

    private boolean autoPassesWait;

    private int maxStudentsOut;

    private String hallLimitCounts = "STUDENT,TEACHER,KIOSK";

    private boolean teachersMayExceedHallLimit = true;

    private String sourceId;

    @Enumerated(EnumType.STRING)
    private EscalationEmails emailEscalationsTo = EscalationEmails.ESCALATION_CONTACTS;

    @Enumerated(EnumType.STRING)
    private EndedBySystemEmails emailEndedBySystemTo = EndedBySystemEmails.DEPARTING_TEACHER;

    @Enumerated(EnumType.STRING)
    private EmergencyEmails emailEmergenciesTo = EmergencyEmails.ALL_STAFF;

    protected School() {
    }

    public School(String districtId, String name, ZoneId timeZone) {
        this.districtId = districtId;
        this.name = name;
        this.timeZone = timeZone.getId();
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getName() {
        return name;
    }

    /**
     * The OneRoster sourcedId of an imported school; null for schools made in Corridor.
     */
    public String getSourceId() {
        return sourceId;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public int getLongRunningMinutes() {
        return longRunningMinutes;
    }

    public int getAutoEndMinutes() {
        return autoEndMinutes;
    }

    public int getRequestExpiryMinutes() {
        return requestExpiryMinutes;
    }

    public int getResendAfterSeconds() {
        return resendAfterSeconds;
    }

    public int getEscalateAfterSeconds() {
        return escalateAfterSeconds;
    }

    public EscalateTo getEscalateTo() {
        return escalateTo;
    }

    public int getAppointmentLeadMinutes() {
        return appointmentLeadMinutes;
    }

    /** Whether a student types a PIN after their number at this school's kiosks. */
    public boolean isKioskRequiresPin() {
        return kioskRequiresPin;
    }

    public void requireKioskPin(boolean required) {
        this.kioskRequiresPin = required;
    }

    /** The emergency in force, or null. */
    public String getEmergencyId() {
        return emergencyId;
    }

    public boolean isInEmergency() {
        return emergencyId != null;
    }

    public void declareEmergency(String emergencyId) {
        this.emergencyId = emergencyId;
    }

    public void clearEmergency() {
        this.emergencyId = null;
    }

    /** Changes every setting at once; the caller has validated them together. */
    public void changeSettings(int longRunningMinutes, int autoEndMinutes, int requestExpiryMinutes,
            int resendAfterSeconds, int escalateAfterSeconds, EscalateTo escalateTo, int appointmentLeadMinutes,
            List<String> countedPassTypes) {
        this.longRunningMinutes = longRunningMinutes;
        this.autoEndMinutes = autoEndMinutes;
        this.requestExpiryMinutes = requestExpiryMinutes;
        this.resendAfterSeconds = resendAfterSeconds;
        this.escalateAfterSeconds = escalateAfterSeconds;
        this.escalateTo = escalateTo;
        this.appointmentLeadMinutes = appointmentLeadMinutes;
        this.countedPassTypes = String.join(",", countedPassTypes);
    }

    /**
     * Changes the waiting line's and the hallway limit's settings at once, validated
     * together.
     */
    public void changeHallway(int waitingExpiryMinutes, boolean autoPassesWait, int maxStudentsOut,
            List<HallTraffic> hallLimitCounts, boolean teachersMayExceedHallLimit) {
        this.waitingExpiryMinutes = waitingExpiryMinutes;
        this.autoPassesWait = autoPassesWait;
        this.maxStudentsOut = maxStudentsOut;
        this.hallLimitCounts = String.join(",", hallLimitCounts.stream().map(Enum::name).toList());
        this.teachersMayExceedHallLimit = teachersMayExceedHallLimit;
    }

    /** How long a WAITING pass waits for a place before it expires. */
    public int getWaitingExpiryMinutes() {
        return waitingExpiryMinutes;
    }

    /**
     * True: an AUTO request that finds no place joins the waiting line instead of going
     * to the teacher.
     */
    public boolean isAutoPassesWait() {
        return autoPassesWait;
    }

    /** The hallway limit: at most this many students out at once; 0 = no limit. */
    public int getMaxStudentsOut() {
        return maxStudentsOut;
    }

    /** Which passes count towards {@link #getMaxStudentsOut}. */
    public List<HallTraffic> getHallLimitCounts() {
        return Arrays.stream(hallLimitCounts.split(","))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .map(HallTraffic::valueOf)
            .toList();
    }

    /**
     * True: a teacher may approve over the hallway limit; false: only to wait for a
     * place.
     */
    public boolean isTeachersMayExceedHallLimit() {
        return teachersMayExceedHallLimit;
    }

    /** The pass type names that count towards a student's daily and weekly limits. */
    public List<String> getCountedPassTypes() {
        return Arrays.stream(countedPassTypes.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Who is emailed when a request is escalated. */
    public EscalationEmails getEmailEscalationsTo() {
        return emailEscalationsTo;
    }

    /** Who is emailed when the system ends a pass. */
    public EndedBySystemEmails getEmailEndedBySystemTo() {
        return emailEndedBySystemTo;
    }

    /** Who is told of an emergency declared or cleared. */
    public EmergencyEmails getEmailEmergenciesTo() {
        return emailEmergenciesTo;
    }

    /** Changes whom the school emails, per kind of notice, at once. */
    public void changeEmails(EscalationEmails escalations, EndedBySystemEmails endedBySystem,
            EmergencyEmails emergencies) {
        this.emailEscalationsTo = escalations;
        this.emailEndedBySystemTo = endedBySystem;
        this.emailEmergenciesTo = emergencies;
    }

}

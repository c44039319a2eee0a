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

    private String sourceId;

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

    /** The pass type names that count towards a student's daily and weekly limits. */
    public List<String> getCountedPassTypes() {
        return Arrays.stream(countedPassTypes.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

}

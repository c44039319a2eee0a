package org.corridor.school;

import java.util.List;

/** A school's timer and counting settings, as the settings API answers them. */
public record SchoolSettings(String schoolId, int longRunningMinutes, int autoEndMinutes, int requestExpiryMinutes,
        int resendAfterSeconds, int escalateAfterSeconds, EscalateTo escalateTo, int appointmentLeadMinutes,
        List<String> countedPassTypes, boolean kioskRequiresPin) {

    public static SchoolSettings of(School school) {
        return new SchoolSettings(school.getId(), school.getLongRunningMinutes(), school.getAutoEndMinutes(),
                school.getRequestExpiryMinutes(), school.getResendAfterSeconds(), school.getEscalateAfterSeconds(),
                school.getEscalateTo(), school.getAppointmentLeadMinutes(), school.getCountedPassTypes(),
                school.isKioskRequiresPin());
    }

    /**
     * Stores these settings on the school, all at once. They must have passed
     * {@link SettingsChange#mergedWith}.
     */
    void applyTo(School school) {
        school.changeSettings(longRunningMinutes, autoEndMinutes, requestExpiryMinutes, resendAfterSeconds,
                escalateAfterSeconds, escalateTo, appointmentLeadMinutes, countedPassTypes);
        school.requireKioskPin(kioskRequiresPin);
    }
}

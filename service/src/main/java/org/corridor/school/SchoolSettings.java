package org.corridor.school;

import java.util.List;

/** A school's timer and counting settings, as the settings API answers them. */
public record SchoolSettings(String schoolId, int longRunningMinutes, int autoEndMinutes, int requestExpiryMinutes,
        int resendAfterSeconds, int escalateAfterSeconds, EscalateTo escalateTo, int appointmentLeadMinutes,
        List<String> countedPassTypes, boolean kioskRequiresPin,
        /** How long a WAITING pass waits for a place before it expires. */
        int waitingExpiryMinutes,
        /** A full AUTO request joins the waiting line instead of going to the teacher. */
        boolean autoPassesWait,
        /** At most this many students out in the school at once; 0 = no limit. */
        int maxStudentsOut,
        /** Which passes count towards maxStudentsOut. */
        List<HallTraffic> hallLimitCounts,
        /**
         * A teacher may approve over the hallway limit (else only to wait for a place).
         */
        boolean teachersMayExceedHallLimit,
        /** Who is emailed when a request is escalated. */
        EscalationEmails emailEscalationsTo,
        /** Who is emailed when the system ends a pass. */
        EndedBySystemEmails emailEndedBySystemTo,
        /**
         * Who is told of an emergency declared or cleared (notification centre and
         * email).
         */
        EmergencyEmails emailEmergenciesTo) {

    public static SchoolSettings of(School school) {
        return new SchoolSettings(school.getId(), school.getLongRunningMinutes(), school.getAutoEndMinutes(),
                school.getRequestExpiryMinutes(), school.getResendAfterSeconds(), school.getEscalateAfterSeconds(),
                school.getEscalateTo(), school.getAppointmentLeadMinutes(), school.getCountedPassTypes(),
                school.isKioskRequiresPin(), school.getWaitingExpiryMinutes(), school.isAutoPassesWait(),
                school.getMaxStudentsOut(), school.getHallLimitCounts(), school.isTeachersMayExceedHallLimit(),
                school.getEmailEscalationsTo(), school.getEmailEndedBySystemTo(), school.getEmailEmergenciesTo());
    }

    /**
     * Stores these settings on the school, all at once. They must have passed
     * {@link SettingsChange#mergedWith}.
     */
    void applyTo(School school) {
        school.changeSettings(longRunningMinutes, autoEndMinutes, requestExpiryMinutes, resendAfterSeconds,
                escalateAfterSeconds, escalateTo, appointmentLeadMinutes, countedPassTypes);
        school.requireKioskPin(kioskRequiresPin);
        school.changeHallway(waitingExpiryMinutes, autoPassesWait, maxStudentsOut, hallLimitCounts,
                teachersMayExceedHallLimit);
        school.changeEmails(emailEscalationsTo, emailEndedBySystemTo, emailEmergenciesTo);
    }
}

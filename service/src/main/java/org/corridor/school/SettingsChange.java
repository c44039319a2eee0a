package org.corridor.school;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;

/**
 * The body of a settings PUT: every field is optional, and a field left out (or null)
 * keeps the school's current value. {@code escalateTo} and {@code countedPassTypes}
 * arrive as text so that a wrong name is reported with the other invalid fields instead
 * of as an unreadable body. A field Corridor does not know (a typo such as
 * {@code longRunningMinute}) is refused rather than silently ignored.
 */
record SettingsChange(Integer longRunningMinutes, Integer autoEndMinutes, Integer requestExpiryMinutes,
        Integer resendAfterSeconds, Integer escalateAfterSeconds, String escalateTo, Integer appointmentLeadMinutes,
        List<String> countedPassTypes, Boolean kioskRequiresPin, Integer waitingExpiryMinutes, Boolean autoPassesWait,
        Integer maxStudentsOut, List<String> hallLimitCounts, Boolean teachersMayExceedHallLimit,
        String emailEscalationsTo, String emailEndedBySystemTo, String emailEmergenciesTo,
        @JsonAnySetter Map<String, Object> unknown) {

    SettingsChange {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    /**
     * The school's current settings with this change laid over them, validated as a
     * whole.
     * @throws ApiProblem 400 naming every invalid field; nothing has been changed
     */
    SchoolSettings mergedWith(SchoolSettings current, PassTypeNames passTypeNames) {
        List<FieldError> errors = new ArrayList<>();
        unknown.keySet().stream().sorted().forEach(name -> errors.add(new FieldError(name, "is not a school setting")));

        int longRunning = or(longRunningMinutes, current.longRunningMinutes());
        int autoEnd = or(autoEndMinutes, current.autoEndMinutes());
        int expiry = or(requestExpiryMinutes, current.requestExpiryMinutes());
        int resend = or(resendAfterSeconds, current.resendAfterSeconds());
        int escalate = or(escalateAfterSeconds, current.escalateAfterSeconds());
        int lead = or(appointmentLeadMinutes, current.appointmentLeadMinutes());

        boolean longRunningOk = range(errors, "longRunningMinutes", longRunning, 1, 240, "minutes");
        boolean autoEndOk = range(errors, "autoEndMinutes", autoEnd, 2, 480, "minutes");
        boolean expiryOk = range(errors, "requestExpiryMinutes", expiry, 1, 120, "minutes");
        boolean resendOk = range(errors, "resendAfterSeconds", resend, 10, 3600, "seconds");
        boolean escalateOk = range(errors, "escalateAfterSeconds", escalate, 20, 7200, "seconds");
        range(errors, "appointmentLeadMinutes", lead, 0, 60, "minutes");

        if (longRunningOk && autoEndOk && autoEnd <= longRunning) {
            errors.add(new FieldError("autoEndMinutes", "must be greater than longRunningMinutes (" + longRunning
                    + "): a pass turns long-running before the system ends it; got " + autoEnd + "."));
        }
        int expirySeconds = expiry * 60;
        if (expiryOk && resendOk && resend >= expirySeconds) {
            errors.add(
                    new FieldError("resendAfterSeconds", "must be less than requestExpiryMinutes × 60 (" + expirySeconds
                            + " seconds), or the request expires before it is re-announced; got " + resend + "."));
        }
        if (escalateOk && resendOk && escalate <= resend) {
            errors.add(new FieldError("escalateAfterSeconds", "must be greater than resendAfterSeconds (" + resend
                    + "): a request is re-announced before it is escalated; got " + escalate + "."));
        }
        else if (escalateOk && expiryOk && escalate >= expirySeconds) {
            errors.add(new FieldError("escalateAfterSeconds",
                    "must be less than requestExpiryMinutes × 60 (" + expirySeconds
                            + " seconds), or the request expires before it could be escalated; got " + escalate + "."));
        }

        EscalateTo to = current.escalateTo();
        if (escalateTo != null) {
            to = Arrays.stream(EscalateTo.values()).filter(e -> e.name().equals(escalateTo)).findFirst().orElse(null);
            if (to == null) {
                errors.add(new FieldError("escalateTo",
                        "must be one of " + names(EscalateTo.values()) + "; got '" + escalateTo + "'."));
            }
        }

        List<String> counted = current.countedPassTypes();
        if (countedPassTypes != null) {
            counted = passTypes(errors, countedPassTypes, passTypeNames.inOrder());
        }

        int waitingExpiry = or(waitingExpiryMinutes, current.waitingExpiryMinutes());
        range(errors, "waitingExpiryMinutes", waitingExpiry, 1, 120, "minutes");
        int maxOut = or(maxStudentsOut, current.maxStudentsOut());
        range(errors, "maxStudentsOut", maxOut, 0, 10_000, "students (0 = no limit)");
        List<HallTraffic> hallCounts = current.hallLimitCounts();
        if (hallLimitCounts != null) {
            List<String> traffic = Arrays.stream(HallTraffic.values()).map(Enum::name).toList();
            List<FieldError> countErrors = new ArrayList<>();
            List<String> names = passTypes(countErrors, hallLimitCounts, traffic);
            countErrors.stream()
                .map(e -> new FieldError("hallLimitCounts",
                        "may only name " + String.join(", ", traffic) + ", each once; got " + hallLimitCounts + "."))
                .findFirst()
                .ifPresent(errors::add);
            hallCounts = names == null ? null : names.stream().map(HallTraffic::valueOf).toList();
        }

        EscalationEmails escalationEmails = choice(errors, "emailEscalationsTo", emailEscalationsTo,
                EscalationEmails.values(), current.emailEscalationsTo());
        EndedBySystemEmails endedBySystemEmails = choice(errors, "emailEndedBySystemTo", emailEndedBySystemTo,
                EndedBySystemEmails.values(), current.emailEndedBySystemTo());
        EmergencyEmails emergencyEmails = choice(errors, "emailEmergenciesTo", emailEmergenciesTo,
                EmergencyEmails.values(), current.emailEmergenciesTo());

        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new SchoolSettings(current.schoolId(), longRunning, autoEnd, expiry, resend, escalate, to, lead, counted,
                kioskRequiresPin != null ? kioskRequiresPin : current.kioskRequiresPin(), waitingExpiry,
                autoPassesWait != null ? autoPassesWait : current.autoPassesWait(), maxOut, hallCounts,
                teachersMayExceedHallLimit != null ? teachersMayExceedHallLimit : current.teachersMayExceedHallLimit(),
                escalationEmails, endedBySystemEmails, emergencyEmails);
    }

    /**
     * The named constant, the current one when not given, or null after adding an error.
     */
    private static <E extends Enum<E>> E choice(List<FieldError> errors, String field, String name, E[] values,
            E current) {
        if (name == null) {
            return current;
        }
        return Arrays.stream(values).filter(e -> e.name().equals(name)).findFirst().orElseGet(() -> {
            errors.add(new FieldError(field, "must be one of " + names(values) + "; got '" + name + "'."));
            return null;
        });
    }

    /** The names in the pass types' order, or null after adding an error. */
    private static List<String> passTypes(List<FieldError> errors, List<String> names, List<String> passTypes) {
        Set<String> known = Set.copyOf(passTypes);
        Set<String> seen = new HashSet<>();
        List<String> unknownNames = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (String name : names) {
            if (name == null || !known.contains(name)) {
                unknownNames.add(String.valueOf(name));
            }
            else if (!seen.add(name)) {
                duplicates.add(name);
            }
        }
        if (!unknownNames.isEmpty()) {
            errors.add(new FieldError("countedPassTypes", "may only name the pass types " + String.join(", ", passTypes)
                    + "; unknown: " + String.join(", ", unknownNames) + "."));
            return null;
        }
        if (!duplicates.isEmpty()) {
            errors.add(new FieldError("countedPassTypes",
                    "names a pass type more than once: " + String.join(", ", duplicates) + "."));
            return null;
        }
        return seen.stream().sorted(Comparator.comparing(passTypes::indexOf)).toList();
    }

    private static boolean range(List<FieldError> errors, String field, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            errors.add(new FieldError(field,
                    "must be between " + min + " and " + max + " " + unit + "; got " + value + "."));
            return false;
        }
        return true;
    }

    private static int or(Integer changed, int current) {
        return changed != null ? changed : current;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return InvalidInput.fields("Invalid settings", "settings", errors);
    }
}

package org.corridor.school;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * A school's timer and counting settings: when a pass turns long-running and when the
 * system ends it, when an unanswered request is re-announced, escalated (and to whom) and
 * expires, how early an appointment pass pops up, and which pass types count towards the
 * limits.
 * <p>
 * Administrators read and change them; auditors read them. An administrator or auditor
 * whose account belongs to one school sees only that school; a school of another
 * district, or none, is 404.
 * <p>
 * A change applies to every timer set after it; a timer already set keeps its time. A
 * request's timers are set when it is sent, a pass's out-timers when the student leaves
 * (see {@code SchoolTimerSettings}): a request waiting at the change gets the new
 * out-times if approved after it, passes already out keep theirs.
 */
@Service
class SchoolSettingsEditor {

    private static final Logger log = LoggerFactory.getLogger(SchoolSettingsEditor.class);

    private final ManagedSchools managedSchools;

    private final PassTypeNames passTypes;

    SchoolSettingsEditor(ManagedSchools managedSchools, PassTypeNames passTypes) {
        this.managedSchools = managedSchools;
        this.passTypes = passTypes;
    }

    @Transactional(readOnly = true)
    SchoolSettings settings(Caller caller, String id) {
        if (!caller.is(Role.ADMIN) && !caller.is(Role.AUDITOR)) {
            throw ApiProblem.forbidden("Only an administrator or an auditor can read a school's settings.");
        }
        return SchoolSettings.of(school(caller, id));
    }

    /**
     * A partial update: every field of the body is optional, and a field left out (or
     * null) keeps its current value. The result is checked as a whole (ranges, and the
     * timers' order: auto-end after long-running, re-announcement and escalation before
     * expiry, escalation after re-announcement); if anything is wrong the answer is a 400
     * problem naming each bad field and nothing changes. Otherwise all settings are
     * stored together and the new settings are answered. A field this API does not know
     * is refused (400) rather than ignored, so a misspelt name cannot look like a
     * success; a number sent as text is an unreadable body (400), as everywhere in the
     * API.
     * <p>
     * The change applies to timers set after it; timers already set (passes already out)
     * keep their times.
     */
    @Transactional
    SchoolSettings change(Caller caller, String id, SettingsChange body) {
        caller.require(Role.ADMIN, "change a school's settings");
        School school = school(caller, id);
        SchoolSettings before = SchoolSettings.of(school);
        SchoolSettings after = body.mergedWith(before, passTypes);
        after.applyTo(school);
        log.info("School {} settings changed by {}{}: {}", school.getId(), caller.signedInId(),
                caller.isImpersonated() ? " on behalf of " + caller.id() : "", changes(before, after));
        return SchoolSettings.of(school);
    }

    private School school(Caller caller, String id) {
        return managedSchools.find(caller, id);
    }

    /** Only setting names and values: no personal data goes to the log. */
    private static String changes(SchoolSettings before, SchoolSettings after) {
        StringBuilder out = new StringBuilder();
        change(out, "longRunningMinutes", before.longRunningMinutes(), after.longRunningMinutes());
        change(out, "autoEndMinutes", before.autoEndMinutes(), after.autoEndMinutes());
        change(out, "requestExpiryMinutes", before.requestExpiryMinutes(), after.requestExpiryMinutes());
        change(out, "resendAfterSeconds", before.resendAfterSeconds(), after.resendAfterSeconds());
        change(out, "escalateAfterSeconds", before.escalateAfterSeconds(), after.escalateAfterSeconds());
        change(out, "escalateTo", before.escalateTo(), after.escalateTo());
        change(out, "appointmentLeadMinutes", before.appointmentLeadMinutes(), after.appointmentLeadMinutes());
        change(out, "countedPassTypes", before.countedPassTypes(), after.countedPassTypes());
        change(out, "kioskRequiresPin", before.kioskRequiresPin(), after.kioskRequiresPin());
        change(out, "emailEscalationsTo", before.emailEscalationsTo(), after.emailEscalationsTo());
        change(out, "emailEndedBySystemTo", before.emailEndedBySystemTo(), after.emailEndedBySystemTo());
        change(out, "emailEmergenciesTo", before.emailEmergenciesTo(), after.emailEmergenciesTo());
        return out.isEmpty() ? "nothing changed" : out.toString();
    }

    private static void change(StringBuilder out, String name, Object before, Object after) {
        if (!before.equals(after)) {
            out.append(out.isEmpty() ? "" : ", ").append(name).append(' ').append(before).append(" -> ").append(after);
        }
    }

}

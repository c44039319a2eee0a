package org.corridor.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * A person's own choices per kind of notification: whether what must not wait (an
 * escalation, a pass ended by the system, an emergency) is also emailed to them. Email is
 * on until they turn it off; the school's settings decide who may be emailed at all. The
 * choices are always the person at the keyboard's: an administrator covering a class sets
 * their own.
 */
@Service
public class NotificationPreferences {

    private static final Logger log = LoggerFactory.getLogger(NotificationPreferences.class);

    static final List<NotificationKind> EMAILED = Arrays.stream(NotificationKind.values())
        .filter(NotificationKind::isEmailed)
        .toList();

    private final NotificationPreferenceRepository preferences;

    private final boolean emailConfigured;

    NotificationPreferences(NotificationPreferenceRepository preferences,
            @Value("${spring.mail.host:}") String mailHost) {
        this.preferences = preferences;
        this.emailConfigured = StringUtils.hasText(mailHost);
    }

    /**
     * @param emailConfigured whether this Corridor sends email at all (an SMTP server is
     * configured)
     * @param address where the emails go: the person's own email, null without one
     */
    record Choices(boolean emailConfigured, @Schema(nullable = true) String address, List<Choice> preferences) {
    }

    record Choice(NotificationKind kind, boolean email) {
    }

    @Transactional(readOnly = true)
    Choices of(Caller caller) {
        return choicesOf(atTheKeyboard(caller));
    }

    /**
     * Changes the kinds named, all or none: a body naming an unknown kind is 400 and
     * nothing changes.
     */
    @Transactional
    Choices change(Caller caller, PreferencesChange change) {
        Person me = atTheKeyboard(caller);
        Map<NotificationKind, Boolean> choices = change.choices();
        preferences.lockPerson(me.getId());
        choices.forEach((kind, email) -> preferences.findByPersonIdAndKind(me.getId(), kind)
            .ifPresentOrElse(p -> p.emailed(email),
                    () -> preferences.save(new NotificationPreference(me.getId(), kind, email))));
        log.info("Notification preferences of {} changed: {}", me.getId(),
                choices.entrySet()
                    .stream()
                    .map(e -> e.getKey() + " email " + (e.getValue() ? "on" : "off"))
                    .collect(Collectors.joining(", ")));
        return choicesOf(me);
    }

    /** Whether the person wants this kind emailed: yes unless they turned it off. */
    @Transactional(readOnly = true)
    public boolean wantsEmail(String personId, NotificationKind kind) {
        return preferences.findByPersonIdAndKind(personId, kind).map(NotificationPreference::isEmail).orElse(true);
    }

    private Choices choicesOf(Person me) {
        Map<NotificationKind, Boolean> stored = preferences.findByPersonId(me.getId())
            .stream()
            .collect(Collectors.toMap(NotificationPreference::getKind, NotificationPreference::isEmail));
        return new Choices(emailConfigured, me.getEmail(),
                EMAILED.stream().map(kind -> new Choice(kind, stored.getOrDefault(kind, true))).toList());
    }

    /**
     * Only staff receive email from Corridor; students, auditors and kiosks have none.
     */
    private static Person atTheKeyboard(Caller caller) {
        if (caller.isKiosk() || caller.signedInId() == null) {
            throw ApiProblem.forbidden("A kiosk has no notifications; sign in as a person.");
        }
        Person me = caller.isImpersonated() ? caller.impersonator() : caller.person();
        if (!me.has(Role.TEACHER) && !me.has(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only teachers and administrators are emailed by Corridor.");
        }
        return me;
    }

}

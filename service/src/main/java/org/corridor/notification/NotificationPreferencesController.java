package org.corridor.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * The signed-in person's choices per kind of notification (see
 * {@link NotificationPreferences}).
 */
@RestController
@RequestMapping("/api/me/notification-preferences")
class NotificationPreferencesController {

    private final NotificationPreferences preferences;

    NotificationPreferencesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    NotificationPreferences.Choices preferences(Caller caller) {
        return preferences.of(caller);
    }

    /**
     * Changes the kinds named; 400 naming each bad field (an unknown kind), and then
     * nothing changes.
     */
    @PutMapping
    NotificationPreferences.Choices change(Caller caller, @RequestBody PreferencesChange body) {
        return preferences.change(caller, body);
    }

}

package org.corridor.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.persistence.Identified;

/** A person's own choice for one kind of notification: emailed or not. */
@Entity
class NotificationPreference extends Identified {

    private String personId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private boolean email;

    protected NotificationPreference() {
    }

    NotificationPreference(String personId, NotificationKind kind, boolean email) {
        this.personId = personId;
        this.kind = kind;
        this.email = email;
    }

    NotificationKind getKind() {
        return kind;
    }

    boolean isEmail() {
        return email;
    }

    void emailed(boolean email) {
        this.email = email;
    }

}

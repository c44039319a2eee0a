package org.corridor.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.corridor.persistence.Identified;

/**
 * One message to one person. Written once; its delivery and seen times are set by
 * conditional updates in {@link NotificationRepository}, so concurrent writers never
 * overwrite each other.
 */
@Entity
class Notification extends Identified {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 1000;

    private String districtId;

    private String personId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String passId;

    private String title;

    private String body;

    private Instant createdAt;

    private Instant deliveredAt;

    private Instant seenAt;

    protected Notification() {
    }

    Notification(String districtId, String personId, NotificationKind kind, String passId, String title, String body,
            Instant createdAt) {
        this.districtId = districtId;
        this.personId = personId;
        this.kind = kind;
        this.passId = passId;
        this.title = clip(title, TITLE_MAX);
        this.body = clip(body == null ? "" : body, BODY_MAX);
        this.createdAt = createdAt;
    }

    /**
     * A text too long for its column would fail the caller's whole transaction: shorten
     * it instead.
     */
    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    String getDistrictId() {
        return districtId;
    }

    String getPersonId() {
        return personId;
    }

    NotificationKind getKind() {
        return kind;
    }

    String getPassId() {
        return passId;
    }

    String getTitle() {
        return title;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getDeliveredAt() {
        return deliveredAt;
    }

    Instant getSeenAt() {
        return seenAt;
    }

}

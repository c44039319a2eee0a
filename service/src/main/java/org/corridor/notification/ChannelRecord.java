package org.corridor.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.corridor.persistence.Identified;

/** One attempt to send a notification by push or email, and whether it was accepted. */
@Entity
@Table(name = "notification_channel")
class ChannelRecord extends Identified {

    static final int DETAIL_MAX = 200;

    private String notificationId;

    @Enumerated(EnumType.STRING)
    private NotificationChannel channel;

    private Instant sentAt;

    private boolean accepted;

    private String detail;

    protected ChannelRecord() {
    }

    ChannelRecord(String notificationId, NotificationChannel channel, Instant sentAt, boolean accepted, String detail) {
        this.notificationId = notificationId;
        this.channel = channel;
        this.sentAt = sentAt;
        this.accepted = accepted;
        this.detail = (detail == null || detail.length() <= DETAIL_MAX) ? detail
                : detail.substring(0, DETAIL_MAX - 1) + "…";
    }

    String getNotificationId() {
        return notificationId;
    }

    NotificationChannel getChannel() {
        return channel;
    }

    Instant getSentAt() {
        return sentAt;
    }

    boolean isAccepted() {
        return accepted;
    }

    String getDetail() {
        return detail;
    }

}

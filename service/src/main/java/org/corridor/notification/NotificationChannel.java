package org.corridor.notification;

/**
 * The ways a notification can reach its recipient. {@link #SCREEN} is an open Corridor
 * screen (the notification's own delivery time); the others are recorded per attempt in
 * {@link ChannelRecords}.
 */
public enum NotificationChannel {

    SCREEN, PUSH, EMAIL

}

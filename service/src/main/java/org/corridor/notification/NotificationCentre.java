package org.corridor.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * A person's notification centre: the list, the unread count, marking seen. The recipient
 * is always the person at the keyboard ({@link Caller#signedInId()}): an administrator
 * impersonating a teacher sees their own notifications, never the teacher's. Every query
 * names recipient and district.
 */
@Service
class NotificationCentre {

    private static final Logger log = LoggerFactory.getLogger(NotificationCentre.class);

    /** The detail of the record a browser's report makes, as the timeline shows it. */
    static final String SHOWN_BY_BROWSER = "shown by the browser";

    private final NotificationRepository notifications;

    private final ChannelRecords records;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    NotificationCentre(NotificationRepository notifications, ChannelRecords records, ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    record Inbox(long unreadCount, List<NotificationView> notifications) {
    }

    record Marked(long unreadCount, int marked) {
    }

    /** The recipient: the signed-in person and their district. */
    record Me(String id, String districtId) {
        static Me of(Caller caller) {
            if (caller.isKiosk() || caller.signedInId() == null) {
                throw ApiProblem.forbidden("A kiosk has no notifications; sign in as a person.");
            }
            return caller.isImpersonated()
                    ? new Me(caller.impersonator().getId(), caller.impersonator().getDistrictId())
                    : new Me(caller.signedInId(), caller.districtId());
        }
    }

    @Transactional(readOnly = true)
    Inbox list(Caller caller, boolean unreadOnly, int limit) {
        Me me = Me.of(caller);
        List<NotificationView> listed = notifications.listFor(me.id(), me.districtId(), unreadOnly, Limit.of(limit))
            .stream()
            .map(NotificationView::of)
            .toList();
        return new Inbox(notifications.countUnread(me.id(), me.districtId()), listed);
    }

    /** Idempotent: a notification already seen keeps its first seen time. */
    @Transactional
    NotificationView markSeen(Caller caller, String id) {
        Me me = Me.of(caller);
        notifications.markSeen(id, me.id(), me.districtId(), clock.instant());
        // someone else's looks exactly like an unknown one
        return notifications.findByIdAndPersonIdAndDistrictId(id, me.id(), me.districtId())
            .map(NotificationView::of)
            .orElseThrow(() -> ApiProblem.notFound("Notification", id));
    }

    @Transactional
    Marked markAllSeen(Caller caller) {
        Me me = Me.of(caller);
        int marked = notifications.markAllSeen(me.id(), me.districtId(), clock.instant());
        return new Marked(notifications.countUnread(me.id(), me.districtId()), marked);
    }

    /**
     * A browser's service worker showed the notification from a push: recorded once as a
     * push that reached the device, and, for a request, the routed teacher's "delivered"
     * (the student's screen says so). Not the notification's screen delivery: a request
     * still pops up when a Corridor screen opens.
     */
    @Transactional
    void shownByBrowser(Caller caller, String id) {
        Me me = Me.of(caller);
        Notification notification = notifications.findByIdAndPersonIdAndDistrictId(id, me.id(), me.districtId())
            .orElseThrow(() -> ApiProblem.notFound("Notification", id));
        if (records.recorded(id, NotificationChannel.PUSH, SHOWN_BY_BROWSER)) {
            return;
        }
        records.record(id, NotificationChannel.PUSH, true, SHOWN_BY_BROWSER);
        if (notification.getPassId() != null) {
            Instant at = clock.instant();
            try {
                events.publishEvent(new NotificationDelivered(id, me.id(), notification.getPassId(),
                        notification.getKind(), at, NotificationChannel.PUSH));
            }
            catch (RuntimeException e) {
                // the device's record stays; the pass's delivery is written again by the
                // screen
                log.warn("A listener of the browser's delivery of notification {} (pass {}) failed", id,
                        notification.getPassId(), e);
            }
        }
    }

}

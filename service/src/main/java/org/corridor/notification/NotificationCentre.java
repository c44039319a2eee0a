package org.corridor.notification;

import java.time.Clock;
import java.util.List;

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

    private final NotificationRepository notifications;

    private final Clock clock;

    NotificationCentre(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
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

}

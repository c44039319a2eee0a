package org.corridor.notification;

import org.springframework.stereotype.Service;

// TEMPORARY contract copy: replaced by the notification centre branch at merge.
@Service
public class Notifications {
    public void send(String districtId, String recipientId, NotificationKind kind, String passId, String title, String body) {
    }

    public void settle(String passId) {
    }
}

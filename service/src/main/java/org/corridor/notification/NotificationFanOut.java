package org.corridor.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.cluster.Broadcasts;

/**
 * Live pushes across instances. A committed notification is pushed to the recipient's
 * streams on the instance that sent it and published to the others, each of which pushes
 * it to the streams of that recipient open there. A message the broker loses is not lost:
 * the row is in the table, and a screen catches up through Last-Event-ID (and the
 * undelivered-request replay) when it reconnects, and through the Requests tab.
 */
@Component
class NotificationFanOut {

    static final String TOPIC = "notifications";

    static final String SIGNALS = "pass-signals";

    private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);

    /** What travels: ids and the notification as its recipient's screen shows it. */
    record Pushed(String recipientId, NotificationView notification) {
    }

    /**
     * A pass's change for its student's screens ("delivered", "seen"): nothing stored.
     */
    record Signalled(String recipientId, PassSignal signal) {
    }

    private final NotificationStreams streams;

    private final Broadcasts broadcasts;

    private final ObjectMapper json;

    NotificationFanOut(NotificationStreams streams, Broadcasts broadcasts, ObjectMapper json) {
        this.streams = streams;
        this.broadcasts = broadcasts;
        this.json = json;
        broadcasts.subscribe(TOPIC, this::received);
        broadcasts.subscribe(SIGNALS, this::signalled);
    }

    /**
     * After the commit: the recipient's streams here, then on every other instance. A
     * signal the broker loses costs the student's screen only its next refresh: the pass
     * itself says what happened.
     */
    void signal(String recipientId, PassSignal signal) {
        streams.signal(recipientId, signal);
        if (!broadcasts.clustered()) {
            return;
        }
        try {
            broadcasts.publish(SIGNALS, json.writeValueAsString(new Signalled(recipientId, signal)));
        }
        catch (JsonProcessingException e) {
            log.warn("Signal for pass {} not published to other instances", signal.passId(), e);
        }
    }

    /** After the commit: this instance's streams, then every other instance's. */
    void pushEverywhere(String recipientId, NotificationView view) {
        streams.push(recipientId, view);
        if (!broadcasts.clustered()) {
            return;
        }
        try {
            broadcasts.publish(TOPIC, json.writeValueAsString(new Pushed(recipientId, view)));
        }
        catch (JsonProcessingException e) {
            log.warn("Notification {} not published to other instances", view.id(), e);
        }
    }

    private void received(String message) {
        Pushed pushed;
        try {
            pushed = json.readValue(message, Pushed.class);
        }
        catch (JsonProcessingException e) {
            log.warn("A notification broadcast could not be read; ignored");
            return;
        }
        if (pushed.recipientId() != null && pushed.notification() != null) {
            streams.push(pushed.recipientId(), pushed.notification());
        }
    }

    private void signalled(String message) {
        Signalled signalled;
        try {
            signalled = json.readValue(message, Signalled.class);
        }
        catch (JsonProcessingException e) {
            log.warn("A pass signal broadcast could not be read; ignored");
            return;
        }
        if (signalled.recipientId() != null && signalled.signal() != null) {
            streams.signal(signalled.recipientId(), signalled.signal());
        }
    }

}

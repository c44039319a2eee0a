package org.corridor.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.corridor.security.Caller;

/**
 * The notification centre and live popups. Everything here is the signed-in person's own:
 * an administrator impersonating a teacher gets their own notifications, a kiosk none.
 * <p>
 * Parameter constraints are checked by Spring MVC's built-in method validation (no
 * class-level {@code @Validated}: with it, an AOP proxy would throw
 * ConstraintViolationException, which the shared handler answers as a 500).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    /**
     * Where the controller leaves a new stream for {@link NotificationConfiguration}'s
     * interceptor to start.
     */
    static final String NEW_STREAM = NotificationController.class.getName() + ".stream";

    private final NotificationCentre centre;

    private final NotificationStreams streams;

    NotificationController(NotificationCentre centre, NotificationStreams streams) {
        this.centre = centre;
        this.streams = streams;
    }

    @GetMapping
    NotificationCentre.Inbox list(Caller caller, @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return centre.list(caller, unreadOnly, limit);
    }

    @PostMapping("/{id}/seen")
    NotificationView seen(Caller caller, @PathVariable @Size(max = 36) String id) {
        return centre.markSeen(caller, id);
    }

    /**
     * The browser's service worker showed this notification from a push: the push reached
     * the device (recorded once; for a request, its delivery to the teacher).
     */
    @PostMapping("/{id}/delivered")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void shownByBrowser(Caller caller, @PathVariable @Size(max = 36) String id) {
        centre.shownByBrowser(caller, id);
    }

    @PostMapping("/seen")
    NotificationCentre.Marked allSeen(Caller caller) {
        return centre.markAllSeen(caller);
    }

    /**
     * Server-sent events: {@code unread} with {@code {unreadCount}} on connect, then each
     * notification as event {@code notification} (id = the notification's id, data = the
     * JSON of the list). After a reconnect with Last-Event-ID, the ones created since are
     * replayed first; requests that never reached an open screen are replayed on every
     * connect. A comment line every 20 s keeps it open.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller, HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(name = "Last-Event-ID", required = false) @Size(max = 36) String lastEventId) {
        NotificationCentre.Me me = NotificationCentre.Me.of(caller);
        response.setHeader("Cache-Control", "no-store");
        // proxies such as nginx would otherwise buffer the stream and hold popups back
        response.setHeader("X-Accel-Buffering", "no");
        NotificationStreams.Stream stream = streams.create(me.id(), me.districtId(), blankToNull(lastEventId));
        // written once Spring MVC has taken the emitter over, see
        // NotificationConfiguration
        request.setAttribute(NEW_STREAM, stream);
        return stream.emitter;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}

package org.corridor.pass;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.notification.NotificationChannel;
import org.corridor.notification.NotificationDelivered;
import org.corridor.notification.Notifications;
import org.corridor.persistence.RestartOnDeadlock;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.reads.ReadLog;
import org.corridor.security.Caller;

/**
 * A request reaching its teacher: delivered when it pops up on their screen or is listed
 * in their Requests tab, seen when they open it. Each is written once, with its audit
 * line; reading a pass otherwise writes nothing ({@link PassQueries}).
 */
@Service
public class RequestReceipts {

    private final PassRepository passes;

    private final PassAccess access;

    private final PassViews views;

    private final PassEvents events;

    private final EntityManager entities;

    private final Clock clock;

    private final ReadLog reads;

    private final Notifications notifications;

    RequestReceipts(PassRepository passes, PassAccess access, PassViews views, PassEvents events,
            EntityManager entities, Clock clock, ReadLog reads, Notifications notifications) {
        this.reads = reads;
        this.notifications = notifications;
        this.passes = passes;
        this.access = access;
        this.views = views;
        this.events = events;
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Opening a request is what "seen" means: the routed teacher's first look is
     * recorded. An administrator looking through the teacher's screens is not the teacher
     * seeing it.
     */
    @RestartOnDeadlock
    @Transactional
    public PassView open(Caller caller, String passId) {
        Pass pass = access.readable(caller, passId);
        Instant lineAt = events.next(pass);
        if (pass.getState() == PassState.PENDING && pass.getRoutedToId().equals(caller.id()) && !caller.isImpersonated()
                && passes.markSeen(passId, clock.instant(), lineAt) == 1) {
            entities.refresh(pass);
            events.recordAt(pass, lineAt, PassEventKind.SEEN, caller, pass.getState(), null);
            notifications.passChanged(pass.getStudentId(), passId, "seen");
        }
        reads.pass(caller, ReadLog.What.PASS, "GET /api/passes/{id}", passId, pass.getStudentId());
        return views.of(pass, caller);
    }

    /**
     * A request reached the routed teacher: their open screen as a live popup, or their
     * browser showed it from a push. Either happens after the sender's commit, so this
     * writes in a transaction of its own.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void delivered(NotificationDelivered delivery) {
        if (!delivery.kind().isRequest() || delivery.passId() == null) {
            return;
        }
        passes.findById(delivery.passId())
            .filter(p -> p.getState() == PassState.PENDING && p.getRoutedToId().equals(delivery.recipientId()))
            .ifPresent(p -> {
                Instant lineAt = events.next(p);
                if (passes.markDelivered(p.getId(), delivery.at(), lineAt) != 1) {
                    return;
                }
                // nothing answers this pass: as the update left it, it need not be read
                // again
                entities.detach(p);
                events.recordBySystemAt(p, lineAt, PassEventKind.DELIVERED, p.getState(),
                        delivery.channel() == NotificationChannel.PUSH ? "Shown by the teacher's browser (push)"
                                : "Popped up on the teacher's screen");
                notifications.passChanged(p.getStudentId(), p.getId(), "delivered");
            });
    }

    /**
     * The Requests tab: pending requests sent to me, newest first, then those escalated
     * to me as a co-teacher because their teacher never opened them. Listing a request
     * sent to me is its delivery.
     */
    @RestartOnDeadlock
    @Transactional
    public List<PassView> requestsFor(Caller caller) {
        caller.require(Role.TEACHER, "have a Requests tab");
        List<Pass> pending = passes.findByRoutedToIdAndStateOrderByRequestedAtDesc(caller.id(), PassState.PENDING);
        if (!caller.isImpersonated()) {
            Instant now = clock.instant();
            pending.stream().filter(p -> p.getDeliveredAt() == null).forEach(p -> {
                Instant lineAt = events.next(p);
                if (passes.markDelivered(p.getId(), now, lineAt) == 1) {
                    // the update wrote exactly this: the pass is told so rather than read
                    // again, detached first so that nothing writes it a second time
                    entities.detach(p);
                    p.deliveredAsWritten(now, lineAt);
                    events.recordAt(p, lineAt, PassEventKind.DELIVERED, caller, p.getState(), null);
                    notifications.passChanged(p.getStudentId(), p.getId(), "delivered");
                }
            });
        }
        List<Pass> escalated = passes.findEscalatedToCoTeacher(caller.id());
        return Stream.concat(pending.stream(), escalated.stream()).map(p -> views.of(p, caller)).toList();
    }

    /**
     * The administrator's Requests view: requests of their schools still pending after
     * they were escalated unopened (to the administrators, or to co-teachers who have not
     * acted either), the latest escalation first. Administrators may approve, deny or
     * cancel each, as the routed teacher may. Listing them marks nothing: an
     * administrator is not the teacher the request was sent to.
     */
    @Transactional(readOnly = true)
    public List<PassView> escalatedFor(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only administrators have the escalated requests of the school.");
        }
        List<Pass> escalated = passes.findEscalated(caller.districtId(), caller.schoolId());
        if (!escalated.isEmpty()) {
            reads.students(caller, ReadLog.What.LIST, "GET /api/admin/requests", null,
                    escalated.stream().map(Pass::getStudentId).distinct().toList());
        }
        return escalated.stream().map(p -> views.of(p, caller)).toList();
    }

}

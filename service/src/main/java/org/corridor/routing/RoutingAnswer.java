package org.corridor.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.notification.ChannelRecords;
import org.corridor.notification.NotificationKind;
import org.corridor.pass.PassChannel;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.section.Offer;

/**
 * Where a request from the student would go at the moment asked about, and why; where
 * their recent requests went. The answer to "why didn't Ms X get it?".
 */
record RoutingAnswer(Student student, School school, Instant at,
        /** The moment on the school's clock: "Mon 09:05". */
        String schoolTime, Verdict verdict, String explanation,
        /**
         * The classes a request could leave from at that moment, each with who would
         * receive it.
         */
        List<Route> wouldGoTo,
        /** Every class of the student, offered or not, with the reason. */
        List<SectionStanding> sections,
        /**
         * True when the school is in an emergency now: no request is accepted until it is
         * cleared.
         */
        boolean emergencyInForce,
        /** The teacher asked about, or null when none was named. */
        @JsonInclude(JsonInclude.Include.NON_NULL) TeacherAnswer teacher, List<RecentRequest> recentRequests) {

    enum Verdict {

        /** Exactly one class is offered: the request goes to its main teacher. */
        ROUTED,
        /**
         * Several classes are offered: the student picks the one they are leaving
         * (Departing From).
         */
        CHOICE,
        /** No class is offered: the request is refused. */
        REFUSED

    }

    record Ref(String id, String name) {
    }

    record Student(String id, String name, String studentNumber, boolean removed,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant removedAt) {
    }

    record School(String id, String name, String timeZone) {
    }

    /**
     * {@code receivedBy} is who a request gets: the covering teacher while
     * {@code coveredBy} is in force (else it is omitted), otherwise the main teacher.
     */
    record Route(Ref section, String period, Ref room, Ref mainTeacher, Ref receivedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Cover coveredBy) {
    }

    /**
     * A covering teacher (a substitute) of the class, on days of the school's calendar.
     */
    record Cover(String id, Ref teacher, LocalDate from, LocalDate until) {
    }

    /**
     * {@code offer} is the machine-readable reason, {@code reason} the sentence for the
     * administrator.
     */
    record SectionStanding(String id, String name, List<String> periods, Ref room, Ref mainTeacher,
            List<Ref> coTeachers, @JsonInclude(JsonInclude.Include.NON_NULL) Cover coveredBy, boolean offered,
            Offer offer, String reason) {
    }

    record TeacherAnswer(String id, String name, boolean wouldReceive, String explanation) {
    }

    /**
     * One request of the student and where it went. {@code departingFrom.teacher} is the
     * class's main teacher now; {@code routedTo} is who the request was sent to when it
     * was made (they differ when the roster changed since). {@code wentToTeacher} is null
     * unless a teacher was asked about.
     */
    record RecentRequest(String passId, Instant requestedAt, PassState state, PassType type, PassChannel channel,
            DepartingFrom departingFrom, @Schema(nullable = true) Ref routedTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean wentToTeacher,
            @Schema(nullable = true) Instant deliveredAt, @Schema(nullable = true) Instant seenAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant resentAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant escalatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Decision decision, @Schema(nullable = true) Instant endedAt,
            @Schema(nullable = true) String endReason, List<Delivery> deliveries) {
    }

    /**
     * One notification of the request (sent, sent again, escalated) and the ways it went
     * out: {@code screenAt} when an open Corridor screen of the recipient got it,
     * {@code attempts} each push to a browser (accepted or not, and a browser's report
     * that it showed it) and each email.
     */
    record Delivery(String notificationId, NotificationKind kind, @Schema(nullable = true) Ref recipient,
            Instant createdAt, @Schema(nullable = true) Instant screenAt, @Schema(nullable = true) Instant seenAt,
            List<ChannelRecords.Attempt> attempts) {
    }

    record DepartingFrom(Ref section, Ref teacher, Ref room) {
    }

    /**
     * How a request was decided: APPROVED or DENIED by a person, or DENIED_BY_POLICY (a
     * blocking rule).
     */
    record Decision(String outcome, Ref by, Instant at, String reason) {
    }
}

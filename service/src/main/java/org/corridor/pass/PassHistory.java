package org.corridor.pass;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.notification.ChannelRecords;
import org.corridor.notification.NotificationKind;
import org.corridor.notification.NotificationTrail;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.reads.PassReaders;
import org.corridor.reads.ReadLog;
import org.corridor.security.Caller;

/** The audit timeline of one pass, for auditors and administrators of its district. */
@Service
public class PassHistory {

    private final PassAccess access;

    private final PassEventRepository events;

    private final PersonRepository people;

    private final PassViews views;

    private final KioskNames kiosks;

    private final ObjectMapper json;

    private final ReadLog reads;

    private final PassReaders readers;

    private final NotificationTrail trail;

    PassHistory(PassAccess access, PassEventRepository events, PersonRepository people, PassViews views,
            KioskNames kiosks, ObjectMapper json, ReadLog reads, PassReaders readers, NotificationTrail trail) {
        this.trail = trail;
        this.readers = readers;
        this.reads = reads;
        this.kiosks = kiosks;
        this.json = json;
        this.access = access;
        this.events = events;
        this.people = people;
        this.views = views;
    }

    public record Entry(Instant occurredAt, String kind, @Schema(nullable = true) PassView.Ref actor,
            @Schema(nullable = true) PassView.Ref onBehalfOf, @Schema(nullable = true) PassState fromState,
            PassState toState, @Schema(nullable = true) String detail) {
    }

    /**
     * The last evaluation of the pass's request: the facts the rules were given, as
     * stored with the pass, and each flag they raised with the rule and rule-set version
     * that raised it. Null facts: never evaluated.
     */
    public record RulesSaw(List<FlagView> flags, @Schema(nullable = true) JsonNode facts) {
    }

    /**
     * {@code readBy}: who read the pass before this read, newest first.
     * {@code deliveries}: each notification about the pass and the ways it went out.
     */
    public record Timeline(PassView pass, List<Entry> events, RulesSaw rules, List<PassReaders.ReadBy> readBy,
            List<Delivery> deliveries) {
    }

    /**
     * A notification about the pass: whom it went to, when an open screen got it
     * ({@code screenAt}), and each push or email attempt, oldest first.
     */
    public record Delivery(String notificationId, NotificationKind kind,
            @Schema(nullable = true) PassView.Ref recipient, Instant createdAt,
            @Schema(nullable = true) Instant screenAt, @Schema(nullable = true) Instant seenAt,
            List<ChannelRecords.Attempt> attempts) {
    }

    /**
     * Refuses anybody but the district's auditors and administrators, and a pass of
     * another district (404). Answers the pass's student.
     */
    @Transactional(readOnly = true)
    public String requireAuditable(Caller caller, String passId) {
        return auditable(caller, passId).getStudentId();
    }

    private Pass auditable(Caller caller, String passId) {
        if (!(caller.is(Role.AUDITOR) || caller.is(Role.ADMIN))) {
            throw ApiProblem.forbidden("Only auditors and administrators can read a pass's history.");
        }
        return access.find(caller, passId);
    }

    @Transactional(readOnly = true)
    public Timeline of(Caller caller, String passId) {
        Pass pass = auditable(caller, passId);
        reads.pass(caller, ReadLog.What.TIMELINE, "GET /api/audit/passes/{id}", passId, pass.getStudentId());
        List<PassEvent> timeline = events.findByPassIdAndDistrictIdOrderByOccurredAtAsc(passId, caller.districtId());
        List<String> ids = timeline.stream()
            .flatMap(e -> Stream.of(e.getActorId(), e.getOnBehalfOfId()))
            .filter(id -> id != null)
            .distinct()
            .toList();
        // Actors are people, or kiosks for what a student did at a shared device.
        Map<String, PassView.Ref> actors = new HashMap<>();
        people.findAllById(ids).forEach(p -> actors.put(p.getId(), new PassView.Ref(p.getId(), p.getName())));
        kiosks.of(ids).forEach((id, name) -> actors.put(id, new PassView.Ref(id, "Kiosk: " + name)));
        List<NotificationTrail.Delivery> deliveries = trail.of(caller.districtId(), List.of(passId), false)
            .getOrDefault(passId, List.of());
        List<String> recipients = deliveries.stream()
            .map(NotificationTrail.Delivery::recipientId)
            .filter(id -> !actors.containsKey(id))
            .distinct()
            .toList();
        if (!recipients.isEmpty()) {
            people.findAllById(recipients)
                .forEach(p -> actors.put(p.getId(), new PassView.Ref(p.getId(), p.getName())));
        }
        return new Timeline(views.of(pass, caller),
                timeline.stream()
                    .map(e -> new Entry(e.getOccurredAt(), e.getKind(), ref(actors, e.getActorId()),
                            ref(actors, e.getOnBehalfOfId()), e.getFromState(), e.getToState(), e.getDetail()))
                    .toList(),
                rulesSaw(pass), readers.of(caller.districtId(), passId),
                deliveries.stream()
                    .map(d -> new Delivery(d.notificationId(), d.kind(), ref(actors, d.recipientId()), d.createdAt(),
                            d.screenAt(), d.seenAt(), d.attempts()))
                    .toList());
    }

    private RulesSaw rulesSaw(Pass pass) {
        List<FlagView> flags = pass.getFlags().stream().map(FlagView::of).toList();
        if (pass.getFactsSnapshot() == null) {
            return new RulesSaw(flags, null);
        }
        try {
            return new RulesSaw(flags, json.readTree(pass.getFactsSnapshot()));
        }
        catch (JsonProcessingException e) {
            // The snapshot is written by Corridor itself; one that does not parse is
            // shown as the text it is.
            return new RulesSaw(flags, json.getNodeFactory().textNode(pass.getFactsSnapshot()));
        }
    }

    private static PassView.Ref ref(Map<String, PassView.Ref> actors, String id) {
        return id == null ? null : actors.get(id);
    }

}

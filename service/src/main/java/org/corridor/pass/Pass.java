package org.corridor.pass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.corridor.persistence.Identified;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;

/**
 * A hall pass from the moment it is requested to the moment it ends. Its state is changed only
 * where the pass-lifecycle process says so; this class keeps the timestamps honest.
 */
@Entity
@Table(name = "hall_pass")
public class Pass extends Identified {
    private String districtId;
    private String schoolId;
    private String studentId;
    private String openStudentId;
    @Enumerated(EnumType.STRING)
    private PassType passType;
    @Enumerated(EnumType.STRING)
    private PassChannel channel;
    @Enumerated(EnumType.STRING)
    private PassState state;
    private String departingSectionId;
    private String departingRoomId;
    private String destinationId;
    private String routedToId;
    private String createdById;
    private String idempotencyKey;
    private String note;
    private String denyReason;
    private Instant requestedAt;
    private Instant deliveredAt;
    private Instant seenAt;
    private Instant approvedAt;
    private Instant startedAt;
    private Instant endedAt;
    private String factsSnapshot;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pass_flag", joinColumns = @JoinColumn(name = "pass_id"))
    @OrderColumn(name = "ordinal")
    private List<PassFlag> flags = new ArrayList<>();

    protected Pass() {
    }

    /** A request a student makes for themselves, routed to the main teacher of the section they leave. */
    public static Pass requested(String districtId, String schoolId, String studentId, PassType type,
                                 PassChannel channel, String sectionId, String roomId, String destinationId,
                                 String routedToId, String note, String idempotencyKey, Instant now) {
        Pass pass = new Pass();
        pass.districtId = districtId;
        pass.schoolId = schoolId;
        pass.studentId = studentId;
        pass.openStudentId = studentId;
        pass.passType = type;
        pass.channel = channel;
        pass.state = PassState.REQUESTED;
        pass.departingSectionId = sectionId;
        pass.departingRoomId = roomId;
        pass.destinationId = destinationId;
        pass.routedToId = routedToId;
        pass.createdById = studentId;
        pass.note = note;
        pass.idempotencyKey = idempotencyKey;
        pass.requestedAt = now;
        return pass;
    }

    void route() {
        move(PassState.REQUESTED, PassState.PENDING);
    }

    void activate(Instant now) {
        move(PassState.PENDING, PassState.ACTIVE);
        approvedAt = now;
        startedAt = now;
    }

    void deny(Instant now) {
        close(PassState.DENIED, now);
    }

    void cancel(Instant now) {
        close(PassState.CANCELLED, now);
    }

    void complete(Instant now) {
        close(PassState.COMPLETED, now);
    }

    void recordDenyReason(String reason) {
        this.denyReason = reason;
    }

    /** @return true the first time the routed teacher's screen listed this request */
    boolean markDelivered(Instant now) {
        if (deliveredAt != null) {
            return false;
        }
        deliveredAt = now;
        return true;
    }

    /** @return true the first time the routed teacher opened this request */
    boolean markSeen(Instant now) {
        markDelivered(now);
        if (seenAt != null) {
            return false;
        }
        seenAt = now;
        return true;
    }

    void recordEvaluation(List<RaisedFlag> raised, String facts) {
        flags.clear();
        raised.stream().map(PassFlag::new).forEach(flags::add);
        this.factsSnapshot = facts;
    }

    private void close(PassState to, Instant now) {
        if (!state.isOpen()) {
            throw new IllegalStateException("pass " + getId() + " is already " + state);
        }
        state = to;
        endedAt = now;
        openStudentId = null;
    }

    private void move(PassState from, PassState to) {
        if (state != from) {
            throw new IllegalStateException("pass " + getId() + " is " + state + ", expected " + from);
        }
        state = to;
    }

    public Set<String> flagCodes() {
        return flags.stream().map(PassFlag::getCode).collect(Collectors.toSet());
    }

    public boolean hasBlockingFlag() {
        return flags.stream().anyMatch(f -> f.getSeverity() == Severity.BLOCK);
    }

    public String getDistrictId() { return districtId; }
    public String getSchoolId() { return schoolId; }
    public String getStudentId() { return studentId; }
    public PassType getPassType() { return passType; }
    public PassChannel getChannel() { return channel; }
    public PassState getState() { return state; }
    public String getDepartingSectionId() { return departingSectionId; }
    public String getDepartingRoomId() { return departingRoomId; }
    public String getDestinationId() { return destinationId; }
    public String getRoutedToId() { return routedToId; }
    public String getCreatedById() { return createdById; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getNote() { return note; }
    public String getDenyReason() { return denyReason; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Instant getSeenAt() { return seenAt; }
    public Instant getApprovedAt() { return approvedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public List<PassFlag> getFlags() { return List.copyOf(flags); }
    public String getFactsSnapshot() { return factsSnapshot; }
}

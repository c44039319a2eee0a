package org.corridor.pass;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** One line of a pass's audit timeline. Written once, never changed. */
@Entity
public class PassEvent {

    @Id
    private String id = UUID.randomUUID().toString();

    private String passId;

    private String districtId;

    private Instant occurredAt;

    private String kind;

    private String actorId;

    private String onBehalfOfId;

    @Enumerated(EnumType.STRING)
    private PassState fromState;

    @Enumerated(EnumType.STRING)
    private PassState toState;

    private String detail;

    protected PassEvent() {
    }

    PassEvent(Pass pass, Instant at, PassEventKind kind, String actorId, String onBehalfOfId, PassState fromState,
            String detail) {
        this.onBehalfOfId = onBehalfOfId;
        this.passId = pass.getId();
        this.districtId = pass.getDistrictId();
        this.occurredAt = at;
        this.kind = kind.name();
        this.actorId = actorId;
        this.fromState = fromState;
        this.toState = pass.getState();
        this.detail = detail;
    }

    public String getPassId() {
        return passId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getKind() {
        return kind;
    }

    public String getActorId() {
        return actorId;
    }

    public String getOnBehalfOfId() {
        return onBehalfOfId;
    }

    public PassState getFromState() {
        return fromState;
    }

    public PassState getToState() {
        return toState;
    }

    public String getDetail() {
        return detail;
    }

}

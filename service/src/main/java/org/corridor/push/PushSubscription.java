package org.corridor.push;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.corridor.persistence.Identified;

/**
 * One browser a teacher or administrator turned notifications on in: the push service's
 * address for it and its keys for the payload's encryption (RFC 8291).
 */
@Entity
@Table(name = "push_subscription")
class PushSubscription extends Identified {

    static final int LABEL_MAX = 80;

    private String districtId;

    private String personId;

    private String endpoint;

    private String endpointHash;

    private String p256dh;

    private String auth;

    private String label;

    private Instant createdAt;

    private Instant lastSuccessAt;

    protected PushSubscription() {
    }

    PushSubscription(String districtId, String personId, String endpoint, String endpointHash, String p256dh,
            String auth, String label, Instant createdAt) {
        this.districtId = districtId;
        this.personId = personId;
        this.endpoint = endpoint;
        this.endpointHash = endpointHash;
        this.p256dh = p256dh;
        this.auth = auth;
        this.label = label;
        this.createdAt = createdAt;
    }

    String getDistrictId() {
        return districtId;
    }

    String getPersonId() {
        return personId;
    }

    String getEndpoint() {
        return endpoint;
    }

    String getP256dh() {
        return p256dh;
    }

    String getAuth() {
        return auth;
    }

    String getLabel() {
        return label;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

}

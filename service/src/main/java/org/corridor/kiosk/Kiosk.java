package org.corridor.kiosk;

import java.time.Instant;

import jakarta.persistence.Entity;

import org.hibernate.annotations.DynamicUpdate;

import org.corridor.persistence.Identified;

/**
 * A shared device in one room. It proves itself with a token only it holds; Corridor
 * keeps the token's SHA-256, never the token. Revoking is final: a revoked kiosk is never
 * recognised again.
 */
@Entity
@DynamicUpdate // revoking must not write back a stale last_used_at noted meanwhile
               // (KioskRepository.noteUse)
public class Kiosk extends Identified {

    private String districtId;

    private String schoolId;

    private String roomId;

    private String name;

    private String tokenHash;

    private Instant createdAt;

    private String createdById;

    private Instant revokedAt;

    private Instant lastUsedAt;

    private String pairingCodeHash;

    private Instant pairingExpiresAt;

    private Instant lastHeartbeatAt;

    protected Kiosk() {
    }

    Kiosk(String districtId, String schoolId, String roomId, String name, String tokenHash, String createdById,
            Instant now) {
        this.districtId = districtId;
        this.schoolId = schoolId;
        this.roomId = roomId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdById = createdById;
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /**
     * A new one-time pairing code replaces any earlier one: only the latest code an
     * administrator was shown pairs the device.
     */
    void offerPairing(String codeHash, Instant expiresAt) {
        this.pairingCodeHash = codeHash;
        this.pairingExpiresAt = expiresAt;
    }

    boolean isPairable(Instant now) {
        return revokedAt == null && pairingCodeHash != null && pairingExpiresAt != null
                && now.isBefore(pairingExpiresAt);
    }

    /**
     * The device exchanged the code: it gets a new token, which replaces the one shown at
     * issue, and the code is spent.
     */
    void paired(String newTokenHash) {
        this.tokenHash = newTokenHash;
        this.pairingCodeHash = null;
        this.pairingExpiresAt = null;
    }

    public String getDistrictId() {
        return districtId;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public String getRoomId() {
        return roomId;
    }

    public String getName() {
        return name;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedById() {
        return createdById;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getPairingExpiresAt() {
        return pairingExpiresAt;
    }

    public Instant getLastHeartbeatAt() {
        return lastHeartbeatAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

}

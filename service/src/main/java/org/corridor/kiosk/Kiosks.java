package org.corridor.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * Administrators issue kiosk tokens for rooms of their district (of their own school,
 * when they belong to one), list them and revoke them. The token is in the answer to the
 * POST and nowhere else, ever.
 */
@Service
class Kiosks {

    private static final Logger log = LoggerFactory.getLogger(Kiosks.class);

    private final KioskRepository kiosks;

    private final KioskTokens tokens;

    private final LocationRepository locations;

    private final SchoolRepository schools;

    private final Clock clock;

    private final KioskSlowDown slowDown;

    Kiosks(KioskRepository kiosks, KioskTokens tokens, LocationRepository locations, SchoolRepository schools,
            KioskSlowDown slowDown, Clock clock) {
        this.slowDown = slowDown;
        this.kiosks = kiosks;
        this.tokens = tokens;
        this.locations = locations;
        this.schools = schools;
        this.clock = clock;
    }

    record Ref(String id, String name) {
    }

    /**
     * How long a pairing code works: long enough to walk to the device, short enough that
     * a code on a sticky note is worthless by the next lesson.
     */
    static final Duration PAIRING_CODE_LASTS = Duration.ofMinutes(15);

    /**
     * The kiosk page beats every minute; missing three beats is offline, not one slow
     * answer.
     */
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(3);

    record IssuedKiosk(String id, String name, String schoolId, Ref room, String token, String pairingCode,
            Instant pairingCodeExpiresAt, Instant createdAt) {
    }

    record PairingCode(String kioskId, String name, Ref room, String pairingCode, Instant pairingCodeExpiresAt) {
    }

    /**
     * {@code offlineSince}: the last heartbeat, once none came for
     * {@link #OFFLINE_AFTER}; null while the kiosk is online, before its first heartbeat
     * and once revoked.
     */
    record KioskView(String id, String name, String schoolId, Ref room, Instant createdAt,
            @Schema(nullable = true) Instant lastUsedAt, @Schema(nullable = true) Instant revokedAt,
            @Schema(nullable = true) Instant lastHeartbeatAt, @Schema(nullable = true) Instant offlineSince,
            @Schema(nullable = true) Instant pairingCodeExpiresAt) {
    }

    /** What a device gets for its pairing code: its credential, and where it stands. */
    record Paired(String token, String kioskId, String name, Ref room) {
    }

    @Transactional
    IssuedKiosk issue(Caller caller, String roomId, String name) {
        caller.require(Role.ADMIN, "set up kiosks");
        Location room = locations.findById(roomId)
            .filter(l -> schools.findByIdAndDistrictId(l.getSchoolId(), caller.districtId()).isPresent())
            .filter(l -> caller.schoolId() == null || caller.schoolId().equals(l.getSchoolId()))
            .orElseThrow(() -> unusableRoom(roomId, caller));
        String token = tokens.newToken();
        Kiosk kiosk = new Kiosk(caller.districtId(), room.getSchoolId(), room.getId(), name.strip(),
                KioskTokens.hash(token), caller.signedInId(), clock.instant());
        String code = offerPairing(kiosk);
        kiosks.save(kiosk);
        log.info("Kiosk {} issued for room {} by {}", kiosk.getId(), room.getId(), caller.signedInId());
        return new IssuedKiosk(kiosk.getId(), kiosk.getName(), kiosk.getSchoolId(),
                new Ref(room.getId(), room.getName()), token, code, kiosk.getPairingExpiresAt(), kiosk.getCreatedAt());
    }

    /**
     * A new pairing code for a kiosk that is not revoked (a device whose browser forgot
     * its credential, or a new device in the same place); an earlier code stops working.
     */
    @Transactional
    PairingCode newPairingCode(Caller caller, String id) {
        caller.require(Role.ADMIN, "pair kiosks");
        Kiosk kiosk = find(caller, id);
        if (kiosk.isRevoked()) {
            throw ApiProblem.conflict("kiosk-revoked", "Kiosk revoked",
                    "Kiosk " + kiosk.getName() + " is revoked and never pairs again. Issue a new kiosk for the room.");
        }
        String code = offerPairing(kiosk);
        log.info("Kiosk {} pairing code issued by {}", kiosk.getId(), caller.signedInId());
        return new PairingCode(kiosk.getId(), kiosk.getName(), roomRef(kiosk), code, kiosk.getPairingExpiresAt());
    }

    /**
     * A device exchanges a pairing code for the kiosk's credential: a new token, which
     * replaces the earlier one. The code works once, until it expires, and not for a
     * revoked kiosk; whatever is wrong with it, the answer is the same, and it costs the
     * address one of its wrong tries ({@link KioskSlowDown}).
     */
    @Transactional
    Paired pair(String typed, String address) {
        slowDown.checkPairing(address);
        Instant now = clock.instant();
        String normalised = typed == null ? "" : KioskTokens.normalisePairingCode(typed);
        Kiosk kiosk = normalised.isEmpty() ? null
                : kiosks.findByPairingCodeHash(KioskTokens.hash(normalised))
                    .stream()
                    .filter(k -> k.isPairable(now))
                    .findFirst()
                    .orElse(null);
        if (kiosk == null) {
            slowDown.wrongPairing(address);
            throw InvalidInput.field("code", "This pairing code is unknown, already used or expired. Ask your "
                    + "school's Corridor administrator for a new one (Kiosks, \"New pairing code\").");
        }
        String token = tokens.newToken();
        kiosk.paired(KioskTokens.hash(token));
        log.info("Kiosk {} paired with a pairing code", kiosk.getId());
        return new Paired(token, kiosk.getId(), kiosk.getName(), roomRef(kiosk));
    }

    /** The kiosk page's sign of life, every minute. */
    @Transactional
    void heartbeat(Caller caller) {
        caller.require(Role.KIOSK, "send a kiosk's heartbeat");
        kiosks.noteHeartbeat(caller.id(), clock.instant());
    }

    private String offerPairing(Kiosk kiosk) {
        String code = tokens.newPairingCode();
        kiosk.offerPairing(KioskTokens.hash(KioskTokens.normalisePairingCode(code)),
                clock.instant().plus(PAIRING_CODE_LASTS));
        return code;
    }

    private Ref roomRef(Kiosk kiosk) {
        return new Ref(kiosk.getRoomId(), locations.findById(kiosk.getRoomId()).map(Location::getName).orElse(null));
    }

    private Kiosk find(Caller caller, String id) {
        return kiosks.findByIdAndDistrictId(id, caller.districtId())
            .filter(k -> caller.schoolId() == null || caller.schoolId().equals(k.getSchoolId()))
            .orElseThrow(() -> ApiProblem.notFound("Kiosk", id));
    }

    @Transactional(readOnly = true)
    List<KioskView> list(Caller caller) {
        caller.require(Role.ADMIN, "see kiosks");
        List<Kiosk> found = caller.schoolId() == null ? kiosks.findByDistrictIdOrderByCreatedAt(caller.districtId())
                : kiosks.findByDistrictIdAndSchoolIdOrderByCreatedAt(caller.districtId(), caller.schoolId());
        Map<String, Location> rooms = locations.findAllById(found.stream().map(Kiosk::getRoomId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Location::getId, Function.identity()));
        Instant now = clock.instant();
        return found.stream()
            .map(k -> new KioskView(k.getId(), k.getName(), k.getSchoolId(),
                    new Ref(k.getRoomId(),
                            rooms.containsKey(k.getRoomId()) ? rooms.get(k.getRoomId()).getName() : null),
                    k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt(), k.getLastHeartbeatAt(), offlineSince(k, now),
                    k.isPairable(now) ? k.getPairingExpiresAt() : null))
            .toList();
    }

    private static Instant offlineSince(Kiosk kiosk, Instant now) {
        Instant last = kiosk.getLastHeartbeatAt();
        return kiosk.isRevoked() || last == null || last.isAfter(now.minus(OFFLINE_AFTER)) ? null : last;
    }

    /**
     * Revokes the kiosk: its token stops working on the next request. Revoking twice
     * changes nothing.
     */
    @Transactional
    void revoke(Caller caller, String id) {
        caller.require(Role.ADMIN, "revoke kiosks");
        Kiosk kiosk = find(caller, id);
        kiosk.revoke(clock.instant());
        log.info("Kiosk {} revoked by {}", kiosk.getId(), caller.signedInId());
    }

    /**
     * The body is well-formed but names a room this administrator cannot put a kiosk in.
     */
    private static ApiProblem unusableRoom(String roomId, Caller caller) {
        String message = caller.schoolId() == null ? "There is no room " + roomId + " in your district."
                : "There is no room " + roomId + " in your school.";
        return InvalidInput.field("roomId", message);
    }

}

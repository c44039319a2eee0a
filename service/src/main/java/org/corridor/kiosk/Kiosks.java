package org.corridor.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    Kiosks(KioskRepository kiosks, KioskTokens tokens, LocationRepository locations, SchoolRepository schools,
            Clock clock) {
        this.kiosks = kiosks;
        this.tokens = tokens;
        this.locations = locations;
        this.schools = schools;
        this.clock = clock;
    }

    record Ref(String id, String name) {
    }

    record IssuedKiosk(String id, String name, String schoolId, Ref room, String token, Instant createdAt) {
    }

    record KioskView(String id, String name, String schoolId, Ref room, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    @Transactional
    IssuedKiosk issue(Caller caller, String roomId, String name) {
        caller.require(Role.ADMIN, "set up kiosks");
        Location room = locations.findById(roomId)
            .filter(l -> schools.findByIdAndDistrictId(l.getSchoolId(), caller.districtId()).isPresent())
            .filter(l -> caller.schoolId() == null || caller.schoolId().equals(l.getSchoolId()))
            .orElseThrow(() -> unusableRoom(roomId, caller));
        String token = tokens.newToken();
        Kiosk kiosk = kiosks.save(new Kiosk(caller.districtId(), room.getSchoolId(), room.getId(), name.strip(),
                KioskTokens.hash(token), caller.signedInId(), clock.instant()));
        log.info("Kiosk {} issued for room {} by {}", kiosk.getId(), room.getId(), caller.signedInId());
        return new IssuedKiosk(kiosk.getId(), kiosk.getName(), kiosk.getSchoolId(),
                new Ref(room.getId(), room.getName()), token, kiosk.getCreatedAt());
    }

    @Transactional(readOnly = true)
    List<KioskView> list(Caller caller) {
        caller.require(Role.ADMIN, "see kiosks");
        List<Kiosk> found = caller.schoolId() == null ? kiosks.findByDistrictIdOrderByCreatedAt(caller.districtId())
                : kiosks.findByDistrictIdAndSchoolIdOrderByCreatedAt(caller.districtId(), caller.schoolId());
        Map<String, Location> rooms = locations.findAllById(found.stream().map(Kiosk::getRoomId).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Location::getId, Function.identity()));
        return found.stream()
            .map(k -> new KioskView(k.getId(), k.getName(), k.getSchoolId(),
                    new Ref(k.getRoomId(),
                            rooms.containsKey(k.getRoomId()) ? rooms.get(k.getRoomId()).getName() : null),
                    k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt()))
            .toList();
    }

    /**
     * Revokes the kiosk: its token stops working on the next request. Revoking twice
     * changes nothing.
     */
    @Transactional
    void revoke(Caller caller, String id) {
        caller.require(Role.ADMIN, "revoke kiosks");
        Kiosk kiosk = kiosks.findByIdAndDistrictId(id, caller.districtId())
            .filter(k -> caller.schoolId() == null || caller.schoolId().equals(k.getSchoolId()))
            .orElseThrow(() -> ApiProblem.notFound("Kiosk", id));
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

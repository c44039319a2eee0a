package org.corridor.kiosk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface KioskRepository extends JpaRepository<Kiosk, String> {

    @Query("select k from Kiosk k where k.tokenHash = :tokenHash")
    Optional<Kiosk> findByTokenHash(String tokenHash);

    @Query("select k from Kiosk k where k.pairingCodeHash = :codeHash")
    List<Kiosk> findByPairingCodeHash(String codeHash);

    /**
     * Like {@link #noteUse}: a heartbeat never conflicts with an administrator's edit.
     */
    @Modifying
    @Query("update Kiosk k set k.lastHeartbeatAt = :now where k.id = :id")
    int noteHeartbeat(@Param("id") String id, @Param("now") Instant now);

    @Query("select k from Kiosk k where k.id = :id and k.districtId = :districtId")
    Optional<Kiosk> findByIdAndDistrictId(String id, String districtId);

    @Query("select k from Kiosk k where k.districtId = :districtId order by k.createdAt")
    List<Kiosk> findByDistrictIdOrderByCreatedAt(String districtId);

    @Query("select k from Kiosk k where k.districtId = :districtId and k.schoolId = :schoolId order by k.createdAt")
    List<Kiosk> findByDistrictIdAndSchoolIdOrderByCreatedAt(String districtId, String schoolId);

    /**
     * Notes a kiosk's use unless it was noted after {@code since}: concurrent requests of
     * one kiosk write at most once, and without the entity's version, so they never
     * conflict with an administrator's edit.
     */
    @Modifying
    @Query("update Kiosk k set k.lastUsedAt = :now where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :since)")
    int noteUse(@Param("id") String id, @Param("now") Instant now, @Param("since") Instant since);

}

package org.corridor.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Every query names the person and the district, except by the endpoint's hash. */
interface PushSubscriptionRepository extends JpaRepository<PushSubscription, String> {

    /**
     * Oldest first. Most people have none: one look-up in ix_push_subscription_person.
     */
    @Query("""
            select s from PushSubscription s where s.personId = :personId and s.districtId = :districtId
            order by s.createdAt, s.id""")
    List<PushSubscription> mine(String personId, String districtId);

    @Query("select s from PushSubscription s where s.endpointHash = :endpointHash")
    Optional<PushSubscription> findByEndpointHash(String endpointHash);

    @Transactional
    @Modifying
    @Query("delete from PushSubscription s where s.id = :id and s.personId = :personId and s.districtId = :districtId")
    int removeMine(String id, String personId, String districtId);

    /** The push service said the subscription is gone (404, 410). */
    @Transactional
    @Modifying
    @Query("delete from PushSubscription s where s.id = :id")
    int removeGone(String id);

    @Transactional
    @Modifying
    @Query("update PushSubscription s set s.lastSuccessAt = :at, s.version = s.version + 1 where s.id = :id")
    int accepted(String id, Instant at);

}

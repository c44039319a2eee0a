package org.corridor.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Every query names the recipient and the district. Changes are conditional bulk updates
 * ("... where seenAt is null"): idempotent, race-free, and they never clear the caller's
 * persistence context (settle runs inside the pass package's transaction).
 */
interface NotificationRepository extends JpaRepository<Notification, String> {

    @Query("select n from Notification n where n.id = :id and n.personId = :personId and n.districtId = :districtId")
    Optional<Notification> findByIdAndPersonIdAndDistrictId(String id, String personId, String districtId);

    @Query("""
            select n from Notification n
            where n.personId = :personId and n.districtId = :districtId and (:unreadOnly = false or n.seenAt is null)
            order by n.createdAt desc, n.id desc""")
    List<Notification> listFor(String personId, String districtId, boolean unreadOnly, Limit limit);

    @Query("select count(n) from Notification n where n.personId = :personId and n.districtId = :districtId and n.seenAt is null")
    long countUnread(String personId, String districtId);

    /**
     * For Last-Event-ID: mine created at or after the given time, except that one, newest
     * first.
     */
    @Query("""
            select n from Notification n
            where n.personId = :personId and n.districtId = :districtId and n.createdAt >= :since and n.id <> :exceptId
            order by n.createdAt desc, n.id desc""")
    List<Notification> createdSince(String personId, String districtId, Instant since, String exceptId, Limit limit);

    /**
     * Requests that never reached an open screen and nobody marked seen, younger than the
     * given time.
     */
    @Query("""
            select n from Notification n
            where n.personId = :personId and n.districtId = :districtId and n.kind in :kinds
              and n.seenAt is null and n.deliveredAt is null and n.createdAt > :since
            order by n.createdAt desc, n.id desc""")
    List<Notification> undelivered(String personId, String districtId, List<NotificationKind> kinds, Instant since,
            Limit limit);

    /**
     * Notifications of these people, in a window of creation times, that never reached a
     * screen and nobody marked seen: for
     * {@link NotificationStreams#repairLostAnnouncements()}.
     */
    @Query("""
            select n from Notification n
            where n.personId in :personIds and n.seenAt is null and n.deliveredAt is null
              and n.createdAt > :from and n.createdAt <= :until
            order by n.createdAt, n.id""")
    List<Notification> undeliveredBetween(Collection<String> personIds, Instant from, Instant until, Limit limit);

    @Modifying(flushAutomatically = true)
    @Query("""
            update Notification n set n.seenAt = :at, n.version = n.version + 1
            where n.id = :id and n.personId = :personId and n.districtId = :districtId and n.seenAt is null""")
    int markSeen(String id, String personId, String districtId, Instant at);

    @Modifying(flushAutomatically = true)
    @Query("""
            update Notification n set n.seenAt = :at, n.version = n.version + 1
            where n.personId = :personId and n.districtId = :districtId and n.seenAt is null""")
    int markAllSeen(String personId, String districtId, Instant at);

    /**
     * In SQL: Hibernate translates a query that changes rows on every execution (it keeps
     * only a selection's translation), and every decision of a request settles it.
     * {@code kinds}: {@link NotificationKind} names.
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            update notification set seen_at = :at, version = version + 1
            where pass_id = :passId and kind in (:kinds) and seen_at is null""")
    int settle(String passId, List<String> kinds, Instant at);

    @Modifying(flushAutomatically = true)
    @Query("""
            update Notification n set n.deliveredAt = :at, n.version = n.version + 1
            where n.id = :id and n.deliveredAt is null""")
    int markDelivered(String id, Instant at);

    /**
     * For diagnostics and the audit timeline: the notifications of these passes, oldest
     * first.
     */
    @Query("""
            select n from Notification n where n.districtId = :districtId and n.passId in :passIds
            order by n.createdAt, n.id""")
    List<Notification> aboutPasses(String districtId, Collection<String> passIds);

    @Modifying
    @Query("delete from Notification n where n.createdAt < :before")
    int deleteCreatedBefore(Instant before);

}

package org.corridor.pass;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface PassRepository extends JpaRepository<Pass, String> {

    /** With its flags in the same statement: every decision and step reads them. */
    @Query("select p from Pass p left join fetch p.flags where p.id = :id and p.districtId = :districtId")
    Optional<Pass> findByIdAndDistrictId(String id, String districtId);

    /**
     * Where a pass goes, read without loading the pass (so that it is loaded fresh once
     * locks are held).
     */
    @Query("select p.destinationId from Pass p where p.id = :id and p.districtId = :districtId")
    Optional<String> destinationOf(String id, String districtId);

    @Query("select p from Pass p where p.openStudentId = :studentId")
    Optional<Pass> findOpenFor(String studentId);

    /**
     * Pending requests escalated, unopened, to the co-teachers of the class the student
     * is leaving. For the Requests tab, which only shows them: read-only, so the commit
     * does not look for changes in them.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select p from Pass p
            where p.state = org.corridor.pass.PassState.PENDING and p.escalatedAt is not null
              and p.departingSectionId in (select s.id from Section s where :coTeacherId member of s.coTeacherIds)
            order by p.requestedAt desc""")
    List<Pass> findEscalatedToCoTeacher(String coTeacherId);

    /**
     * Pending requests escalated unopened, of the district, and of one school unless
     * {@code schoolId} is null: what administrators may decide.
     */
    @Query("""
            select p from Pass p
            where p.state = org.corridor.pass.PassState.PENDING and p.escalatedAt is not null
              and p.districtId = :districtId and (:schoolId is null or p.schoolId = :schoolId)
            order by p.escalatedAt desc, p.requestedAt desc""")
    List<Pass> findEscalated(String districtId, String schoolId);

    /**
     * Delivered and seen are facts, not edits: written by a conditional update that does
     * not bump the version, so a popup's delivery and the teacher's Requests tab marking
     * the same request at the same moment neither conflict nor deadlock. @return 1 for
     * the one caller that recorded it first; {@code lineAt}: the time of its audit line,
     * kept on the pass ({@link PassEvents#next}). In SQL: Hibernate would translate the
     * statement again on every execution (it keeps only a selection's translation).
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = "update hall_pass set delivered_at = :at, last_event_at = :lineAt "
            + "where id = :id and delivered_at is null and state = 'PENDING'")
    int markDelivered(String id, Instant at, Instant lineAt);

    /**
     * Opening a request also delivers it, if nothing had. @return 1 for the first look
     */
    @Modifying(flushAutomatically = true)
    @Query("update Pass p set p.seenAt = :at, p.deliveredAt = coalesce(p.deliveredAt, :at), p.lastEventAt = :lineAt "
            + "where p.id = :id and p.seenAt is null and p.state = org.corridor.pass.PassState.PENDING")
    int markSeen(String id, Instant at, Instant lineAt);

    /**
     * The waiting passes of a school's destinations, first in line first: what the
     * waiting line promotes from.
     */
    @Query("""
            select p.destinationId from Pass p
            where p.schoolId = :schoolId and p.state = org.corridor.pass.PassState.WAITING
            group by p.destinationId order by min(p.waitingSince)""")
    List<String> destinationsWithWaiting(String schoolId);

    /** Schools where somebody waits for a place. */
    @Query("select distinct p.schoolId from Pass p where p.state = org.corridor.pass.PassState.WAITING")
    List<String> schoolsWithWaiting();

    /** The first waiting pass at the destination: first come, first served. */
    @Query("""
            select p from Pass p
            where p.destinationId = :destinationId and p.state = org.corridor.pass.PassState.WAITING
            order by p.waitingSince, p.id""")
    List<Pass> waitingAt(String destinationId, org.springframework.data.domain.Pageable first);

    /**
     * How many wait at the destination ahead of a pass that joined its line at
     * {@code since}.
     */
    @Query("""
            select count(p) from Pass p
            where p.destinationId = :destinationId and p.state = org.corridor.pass.PassState.WAITING
              and (p.waitingSince < :since or (p.waitingSince = :since and p.id < :passId))""")
    long waitingAhead(String destinationId, Instant since, String passId);

    /** How many wait at the destination. */
    @Query("""
            select count(p) from Pass p
            where p.destinationId = :destinationId and p.state = org.corridor.pass.PassState.WAITING""")
    long waitingCountAt(String destinationId);

    List<Pass> findBySchoolIdAndStateIn(String schoolId, Collection<PassState> states);

    @Query("select p from Pass p where p.studentId = :studentId and p.idempotencyKey = :idempotencyKey")
    Optional<Pass> findByStudentIdAndIdempotencyKey(String studentId, String idempotencyKey);

    /**
     * With their flags in the same statement: the Requests tab shows them, and changes
     * none through the entity (a delivery is a conditional update), so they are
     * read-only: the commit does not look for changes in them.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select p from Pass p left join fetch p.flags
            where p.routedToId = :routedToId and p.state = :state order by p.requestedAt desc""")
    List<Pass> findByRoutedToIdAndStateOrderByRequestedAtDesc(String routedToId, PassState state);

    /**
     * The student's passes that started since the given time and were used
     * ({@link PassState#USED}), of every type: which types count is the school's setting,
     * applied by the caller, so that no list parameter costs the query its cached plan.
     */
    @Query("""
            select new org.corridor.pass.PassUse(p.startedAt, p.endedAt, p.passType) from Pass p
            where p.studentId = :studentId and p.startedAt >= :since and p.id <> :exceptPassId
              and p.state in (org.corridor.pass.PassState.ACTIVE, org.corridor.pass.PassState.LONG_RUNNING,
                              org.corridor.pass.PassState.COMPLETED, org.corridor.pass.PassState.ENDED_BY_SYSTEM)""")
    List<PassUse> usedSince(String studentId, Instant since, String exceptPassId);

    @Query("select p from Pass p where p.districtId = :districtId and p.requestedAt >= :since and p.factsSnapshot is not null")
    List<Pass> requestedSince(String districtId, Instant since);

    /**
     * The passes a staff member may list: every pass of the district, or only those they
     * are part of.
     */
    @Query("""
            select p from Pass p
            where p.districtId = :districtId
              and (:state is null or p.state = :state)
              and (:schoolId is null or p.schoolId = :schoolId)
              and (:studentId is null or p.studentId = :studentId)
              and (:involvedId is null or p.routedToId = :involvedId
                   or p.destinationId in (select l.id from Location l where l.teacherId = :involvedId)
                   or p.departingSectionId in (select s.id from Section s where s.mainTeacherId = :involvedId
                                               or :involvedId member of s.coTeacherIds))
            order by p.requestedAt desc""")
    List<Pass> search(String districtId, PassState state, String schoolId, String studentId, String involvedId,
            Limit limit);

    /** The passes out now to these destinations (Arrivals). */
    @Query("""
            select p from Pass p
            where p.districtId = :districtId and p.destinationId in :destinationIds and p.state in :out""")
    List<Pass> outTo(String districtId, Collection<String> destinationIds, Collection<PassState> out);

    /** The passes checked in at these destinations since the given moment (Arrivals). */
    @Query("""
            select p from Pass p
            where p.districtId = :districtId and p.destinationId in :destinationIds
              and p.state = org.corridor.pass.PassState.COMPLETED and p.endedAt >= :since
              and exists (select e.id from PassEvent e where e.passId = p.id and e.kind = 'CHECKED_IN')""")
    List<Pass> checkedInAt(String districtId, Collection<String> destinationIds, Instant since);

}

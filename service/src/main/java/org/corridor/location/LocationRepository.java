package org.corridor.location;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface LocationRepository extends JpaRepository<Location, String> {

    @Query("select l from Location l where l.schoolId = :schoolId and l.destination = true order by l.name")
    List<Location> findBySchoolIdAndDestinationTrueOrderByName(String schoolId);

    @Query("select l from Location l where l.id = :id and l.schoolId = :schoolId")
    Optional<Location> findByIdAndSchoolId(String id, String schoolId);

    @Query("select l from Location l where l.schoolId = :schoolId")
    List<Location> findBySchoolId(String schoolId);

    /**
     * Names are compared without regard to case, as MariaDB's unique key on (school,
     * name) does.
     */
    List<Location> findBySchoolIdAndNameIgnoreCase(String schoolId, String name);

    /**
     * Locks the location's row ({@code SELECT ... FOR UPDATE}) until the transaction
     * ends: whoever may send a student out to a destination takes this lock before
     * counting who is already there, so two of them never count the same occupancy. Take
     * it first: before inserting a pass that refers to the location (the foreign key
     * check holds a shared lock on this row; two shared holders both asking for this lock
     * deadlock on MariaDB) and before loading any pass to change. The only pass row a
     * holder may already have is an appointment whose time has come, which no other
     * holder waits for: one row, one order, no deadlock. At READ COMMITTED (MariaDB and
     * H2 here) every later statement of the transaction sees what the previous holder
     * committed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Location l where l.id = :id")
    Optional<Location> lockById(String id);

    /**
     * Locks the location's row in share mode ({@code LOCK IN SHARE MODE} on MariaDB; H2
     * knows only {@code FOR UPDATE}) until the transaction ends: held by whoever brings a
     * student back from it, before its count of students out (see {@link Occupancy}), so
     * that they wait for an approval that holds {@link #lockById} rather than the other
     * way round, while those bringing students back do not wait for one another.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select l from Location l where l.id = :id")
    Optional<Location> shareById(String id);

    /** {@link #shareById} for every location of a school. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select l from Location l where l.schoolId = :schoolId order by l.id")
    List<Location> shareBySchoolId(String schoolId);

}

package org.corridor.section;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CoverRepository extends JpaRepository<Cover, String> {

    /** A class's covers, the earliest first. */
    List<Cover> findBySectionIdOrderByFromDateAsc(String sectionId);

    /**
     * The covers of a school's classes that have not ended before the day, earliest
     * first.
     */
    @Query("""
            select c from Cover c
            where c.schoolId = :schoolId and c.districtId = :districtId and c.untilDate >= :day
            order by c.fromDate, c.sectionId""")
    List<Cover> notOverBy(String districtId, String schoolId, LocalDate day);

    /** The class's covers sharing a day with the range. */
    @Query("""
            select c from Cover c
            where c.sectionId = :sectionId and c.fromDate <= :until and c.untilDate >= :from""")
    List<Cover> overlapping(String sectionId, LocalDate from, LocalDate until);

    Optional<Cover> findByIdAndSectionId(String id, String sectionId);

    /**
     * The section, locked until the transaction ends: two administrators covering the
     * same class at once check for overlaps one after the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Section s where s.id = :id")
    Optional<Section> lockSection(String id);

}

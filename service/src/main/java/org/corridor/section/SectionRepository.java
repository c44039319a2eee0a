package org.corridor.section;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SectionRepository extends JpaRepository<Section, String> {

    /** Every section the student has an enrolment in, whatever its dates, removed ones included. */
    @Query("select distinct s from Section s join s.enrolments e where e.studentId = :studentId")
    List<Section> findEnrolling(String studentId);
}

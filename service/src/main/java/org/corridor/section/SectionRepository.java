package org.corridor.section;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SectionRepository extends JpaRepository<Section, String> {

    @Query("select s from Section s where :studentId member of s.studentIds")
    List<Section> findEnrolling(String studentId);
}

package org.corridor.coverage;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.corridor.section.Section;

/** A school's classes that the roster has not removed, by name: what can be covered. */
interface SchoolClasses extends Repository<Section, String> {

    @Query("select s from Section s where s.schoolId = :schoolId and s.removedAt is null order by s.name, s.id")
    List<Section> of(String schoolId);

}

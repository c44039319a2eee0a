package org.corridor.kiosk;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudentPinRepository extends JpaRepository<StudentPin, String> {

    @Query("select p from StudentPin p where p.studentId = :studentId")
    Optional<StudentPin> findByStudentId(String studentId);

}

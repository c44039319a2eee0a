package org.corridor.school;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolPeriodRepository extends JpaRepository<SchoolPeriod, String> {
}

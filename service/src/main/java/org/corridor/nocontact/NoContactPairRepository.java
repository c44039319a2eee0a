package org.corridor.policy;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NoContactPairRepository extends JpaRepository<NoContactPair, String> {
}

package org.corridor.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, String> {

    @Query("select p from NotificationPreference p where p.personId = :personId")
    List<NotificationPreference> findByPersonId(String personId);

    @Query("select p from NotificationPreference p where p.personId = :personId and p.kind = :kind")
    Optional<NotificationPreference> findByPersonIdAndKind(String personId, NotificationKind kind);

    /**
     * Locks the person's row: two changes of one person's choices, made at once, take
     * turns instead of both inserting the same kind.
     */
    @Query(value = "select id from person where id = :personId for update", nativeQuery = true)
    Optional<String> lockPerson(String personId);

}

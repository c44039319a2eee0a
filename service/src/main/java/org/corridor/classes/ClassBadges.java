package org.corridor.classes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.corridor.pass.Pass;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;

/**
 * The passes that put a badge on a student's card, read in one query for a whole class.
 * Read-only: the pass package owns every change to a pass.
 */
interface ClassBadges extends Repository<Pass, String> {

    /**
     * What a badge needs of a pass, with its destination's name; a projection, so no pass
     * flags are loaded.
     */
    record Row(String passId, String studentId, PassType type, PassState state, String destinationId,
            String destinationName, Instant startedAt, Instant endedAt) {
    }

    /**
     * Of the given students: every pass out now (ACTIVE, LONG_RUNNING) or waiting for a
     * place (WAITING), wherever it came from, and every pass the system ended since the
     * given moment.
     */
    @Query("""
            select new org.corridor.classes.ClassBadges$Row(p.id, p.studentId, p.passType, p.state, p.destinationId,
                   l.name, p.startedAt, p.endedAt)
            from Pass p join Location l on l.id = p.destinationId
            where p.districtId = :districtId and p.studentId in :studentIds
              and (p.state in :out or (p.state = :endedBySystem and p.endedAt >= :endedSince))""")
    List<Row> of(String districtId, Collection<String> studentIds, Collection<PassState> out, PassState endedBySystem,
            Instant endedSince);

}

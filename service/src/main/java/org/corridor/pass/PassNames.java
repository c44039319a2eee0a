package org.corridor.pass;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityNotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every name a pass's notices and its view show, read in one statement of primary-key
 * reads rather than an entity for each (up to nine statements), and read once per
 * transaction: a step's notices and the answer's view share it. Names are only read in a
 * pass's transactions, never changed there, so nothing needs flushing first and nothing
 * read stays stale within one.
 */
@Component
class PassNames {

    private final JdbcClient jdbc;

    PassNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person's name parts, as {@code Person.getName()} reads them. */
    record Name(String displayName, String givenName, String familyName) {

        String name() {
            return displayName != null ? displayName : givenName + " " + familyName;
        }

    }

    /**
     * The class's main teacher as it is now (the roster may have changed it, or left
     * none), the room (none: a class the roster names no room for), the destination's
     * teacher (null: nobody staffs it), who decided and who created the pass (null: none
     * yet, or no longer a person).
     */
    record Names(Name student, Name routedTo, String section, String mainTeacherId, Name mainTeacher, String room,
            String destination, String destinationTeacherId, String timeZone, Name decidedBy, Name createdBy) {
    }

    /** What the names depend on: a pass whose step changed one of these is read again. */
    private record Key(String passId, String routedToId, String sectionId, String decidedById) {
    }

    Names of(Pass pass) {
        Key key = new Key(pass.getId(), pass.getRoutedToId(), pass.getDepartingSectionId(), pass.getDecidedById());
        Map<Key, Names> read = readInThisTransaction();
        if (read == null) {
            return read(pass);
        }
        Names names = read.get(key);
        if (names == null) {
            names = read(pass);
            read.put(key, names);
        }
        return names;
    }

    private Names read(Pass pass) {
        return jdbc.sql("""
                select st.display_name, st.given_name, st.family_name,
                       rt.display_name, rt.given_name, rt.family_name,
                       sec.name, sec.main_teacher_id, mt.display_name, mt.given_name, mt.family_name,
                       room.name, dest.name, dest.teacher_id, sch.time_zone,
                       dp.display_name, dp.given_name, dp.family_name, dp.id,
                       cb.display_name, cb.given_name, cb.family_name, cb.id
                from person st
                  join person rt on rt.id = :routedToId
                  join section sec on sec.id = :sectionId
                  left join person mt on mt.id = sec.main_teacher_id
                  left join location room on room.id = :roomId
                  join location dest on dest.id = :destinationId
                  join school sch on sch.id = :schoolId
                  left join person dp on dp.id = :decidedById
                  left join person cb on cb.id = :createdById
                where st.id = :studentId""")
            .param("studentId", pass.getStudentId())
            .param("routedToId", pass.getRoutedToId())
            .param("sectionId", pass.getDepartingSectionId())
            .param("roomId", pass.getDepartingRoomId())
            .param("destinationId", pass.getDestinationId())
            .param("schoolId", pass.getSchoolId())
            .param("decidedById", pass.getDecidedById())
            .param("createdById", pass.getCreatedById())
            .query((rs, row) -> new Names(new Name(rs.getString(1), rs.getString(2), rs.getString(3)),
                    new Name(rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                    new Name(rs.getString(9), rs.getString(10), rs.getString(11)), rs.getString(12), rs.getString(13),
                    rs.getString(14), rs.getString(15),
                    rs.getString(19) == null ? null : new Name(rs.getString(16), rs.getString(17), rs.getString(18)),
                    rs.getString(23) == null ? null : new Name(rs.getString(20), rs.getString(21), rs.getString(22))))
            .optional()
            .orElseThrow(
                    () -> new EntityNotFoundException("the people, class, places or school of pass " + pass.getId()));
    }

    /** The names read in this transaction; null outside one. */
    @SuppressWarnings("unchecked")
    private Map<Key, Names> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Key, Names> read = (Map<Key, Names>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            Map<Key, Names> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(PassNames.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(PassNames.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PassNames.this);
                }
            });
            read = fresh;
        }
        return read;
    }

}

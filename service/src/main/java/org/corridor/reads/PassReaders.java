package org.corridor.reads;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who has read one pass, newest first: what the auditor's record of the pass shows. */
@Component
public class PassReaders {

    private final JdbcTemplate jdbc;

    PassReaders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One read of the pass. Reads reach the record within about a second of being made.
     */
    public record ReadBy(Instant readAt, String readerId, String reader, String what, String endpoint) {
    }

    public List<ReadBy> of(String districtId, String passId) {
        return jdbc.query(
                "SELECT r.read_at, r.reader_id, COALESCE(p.display_name, CONCAT(p.given_name, ' ',"
                        + " p.family_name)) reader, r.what, r.endpoint FROM pass_read r"
                        + " LEFT JOIN person p ON p.id = r.reader_id"
                        + " WHERE r.district_id = ? AND r.pass_id = ? ORDER BY r.read_at DESC, r.id",
                (rs, n) -> new ReadBy(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)),
                districtId, passId);
    }

}

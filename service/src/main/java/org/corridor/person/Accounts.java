package org.corridor.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people a sign-in may mean, read for HTTP Basic, which signs the caller in on every
 * call: one statement with the roles, and no persistence context around a person that is
 * only read (nothing writes the caller through it). Every column of {@link Person} is
 * read, so the caller is the same person a repository would give.
 */
@Component
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The people not removed from the roster whose email has this key (see
     * {@link Person#emailKey}).
     */
    public List<Person> withEmailKey(String emailKey) {
        Map<Columns, Set<Role>> people = new LinkedHashMap<>();
        jdbc.sql("""
                select p.id, p.version, p.district_id, p.school_id, p.email, p.email_key, p.given_name,
                       p.family_name, p.display_name, p.student_number, p.source_id, p.removed_at, r.role
                from person p left join person_role r on r.person_id = p.id
                where p.email_key = :emailKey and p.removed_at is null""").param("emailKey", emailKey).query(rs -> {
            Set<Role> roles = people.computeIfAbsent(Columns.of(rs), person -> EnumSet.noneOf(Role.class));
            String role = rs.getString("role");
            if (role != null) {
                roles.add(Role.valueOf(role));
            }
        });
        return people.entrySet().stream().map(person -> person.getKey().with(person.getValue())).toList();
    }

    /** A row's person, the same on each of their rows (one a role). */
    private record Columns(String id, long version, String districtId, String schoolId, String email, String emailKey,
            String givenName, String familyName, String displayName, String studentNumber, String sourceId,
            Instant removedAt) {

        static Columns of(ResultSet rs) throws SQLException {
            LocalDateTime removedAt = rs.getObject("removed_at", LocalDateTime.class);
            return new Columns(rs.getString("id"), rs.getLong("version"), rs.getString("district_id"),
                    rs.getString("school_id"), rs.getString("email"), rs.getString("email_key"),
                    rs.getString("given_name"), rs.getString("family_name"), rs.getString("display_name"),
                    rs.getString("student_number"), rs.getString("source_id"),
                    removedAt == null ? null : removedAt.toInstant(ZoneOffset.UTC));
        }

        Person with(Set<Role> roles) {
            return Person.asStored(id, version, districtId, schoolId, email, emailKey, givenName, familyName,
                    displayName, studentNumber, sourceId, removedAt, roles);
        }

    }

}

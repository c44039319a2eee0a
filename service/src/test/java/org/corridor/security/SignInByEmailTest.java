package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.person.Accounts;
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Every sign-in finds its person by the email's key (the email in lower case, kept beside
 * it), so that the lookup is one index range on MariaDB, read in one statement without
 * Hibernate as the repository would have it.
 */
@OnMariaDb
class SignInByEmailTest extends ApiTest {

    @Autowired
    Accounts accounts;

    @Test
    void passwordSignInMatchesTheEmailWhateverItsCase() {
        var me = me("Rivera@Corridor.TEST");

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("id").asText()).isEqualTo(person("rivera").getId());
    }

    @Test
    void personSavedWithCapitalsInTheirEmailSignsInWithItInLowerCase() {
        Person admin = person("admin");
        Person saved = people.save(new Person(admin.getDistrictId(), admin.getSchoolId(), "Dana.Capitals@Corridor.TEST",
                "Dana", "Capitals", Role.TEACHER));
        try {
            var me = me("dana.capitals@corridor.test");

            assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(me.getBody().get("id").asText()).isEqualTo(saved.getId());
        }
        finally {
            jdbc.update("delete from person_role where person_id = ?", saved.getId());
            jdbc.update("delete from person where id = ?", saved.getId());
        }
    }

    @Test
    void signInLookupReadsTheEmailKeyIndex() {
        // As Accounts reads a sign-in's person: joined to its roles.
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain select p.id, r.role from person p "
                        + "left join person_role r on p.id = r.person_id where p.email_key = ?",
                "rivera@corridor.test");

        Map<String, Object> person = plan.stream()
            .filter(row -> "p".equals(row.get("table")))
            .findFirst()
            .orElseThrow();
        assertThat(person.get("key")).as("%s", plan).isEqualTo("ix_person_email_key");
    }

    @Test
    void signInReadsThePersonAsTheRepositoryHasThem() {
        Person admin = person("admin");
        Person saved = people.save(new Person(admin.getDistrictId(), admin.getSchoolId(), "Every.Column@Corridor.TEST",
                "Every", "Column", Role.TEACHER)
            .withDisplayName("Mx Column")
            .withStudentNumber("S-0042"));
        try {
            jdbc.update("insert into person_role (person_id, role) values (?, 'ADMIN')", saved.getId());
            jdbc.update("update person set source_id = 'roster-42' where id = ?", saved.getId());

            List<Person> signingIn = accounts.withEmailKey("every.column@corridor.test");

            assertThat(signingIn).singleElement()
                .usingRecursiveComparison()
                .isEqualTo(people.findWithRoles(saved.getId()).orElseThrow());
        }
        finally {
            jdbc.update("delete from person_role where person_id = ?", saved.getId());
            jdbc.update("delete from person where id = ?", saved.getId());
        }
    }

    @Test
    void personRemovedFromTheRosterIsNotFoundBySignIn() {
        Person admin = person("admin");
        Person saved = people.save(new Person(admin.getDistrictId(), admin.getSchoolId(), "gone@corridor.test", "Gone",
                "Away", Role.TEACHER));
        try {
            jdbc.update("update person set removed_at = current_timestamp where id = ?", saved.getId());

            assertThat(accounts.withEmailKey("gone@corridor.test")).isEmpty();
        }
        finally {
            jdbc.update("delete from person_role where person_id = ?", saved.getId());
            jdbc.update("delete from person where id = ?", saved.getId());
        }
    }

    private ResponseEntity<JsonNode> me(String email) {
        return http.withBasicAuth(email, "demo").getForEntity("/api/me", JsonNode.class);
    }

}

package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.query.sqm.internal.SqmInterpretationsKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Every sign-in finds its person by the email's key (the email in lower case, kept beside
 * it), so that the lookup is one index range on MariaDB and Hibernate translates it once,
 * not on every sign-in.
 */
@OnMariaDb
class SignInByEmailTest extends ApiTest {

    @Autowired
    EntityManagerFactory entityManagers;

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
        // The statement Hibernate makes of findWithRolesByEmailKey: the person, joined to
        // its roles.
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
    void signInLookupPlanIsKeptByHibernate() throws NoSuchMethodException {
        String signIn = PersonRepository.class.getMethod("findWithRolesByEmailKey", String.class)
            .getAnnotation(Query.class)
            .value();
        EntityManager entityManager = entityManagers.createEntityManager();
        try {
            var query = entityManager.createQuery(signIn).setParameter("emailKey", "rivera@corridor.test");

            // Hibernate keeps a query's SQL only when it makes the query a cache key; a
            // parameter inside a function
            // (lower(:email)) or a criteria query (a derived findByEmailIgnoreCase) gets
            // none.
            var key = SqmInterpretationsKey
                .createInterpretationsKey(query.unwrap(SqmInterpretationsKey.InterpretationsKeySource.class));

            assertThat(key).isNotNull();
        }
        finally {
            entityManager.close();
        }
    }

    private ResponseEntity<JsonNode> me(String email) {
        return http.withBasicAuth(email, "demo").getForEntity("/api/me", JsonNode.class);
    }

}

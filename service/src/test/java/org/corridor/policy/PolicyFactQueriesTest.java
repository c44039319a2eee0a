package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.pass.PassRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * At a bell rush every request is evaluated, so the facts and the active rule set are
 * loaded in one statement: the count must not grow with the no-contact partners who are
 * out (it once grew by two per partner), nor be more than one round trip.
 */
@OnMariaDb
class PolicyFactQueriesTest extends ApiTest {

    @Autowired
    PolicyEvaluation policy;

    @Autowired
    PassRepository passes;

    @Autowired
    TransactionTemplate transaction;

    /**
     * The service's own, which joins the transaction: the counter is the evaluating
     * connection's ({@code jdbc} takes another connection from the pool).
     */
    @Autowired
    JdbcTemplate transactional;

    @AfterEach
    void onlyTheDemoPairRemains() {
        jdbc.update("delete from no_contact_pair where id like 'facts-test-%'");
    }

    @Test
    void evaluationSendsTheSameFewStatementsHoweverManyPartnersAreOut() {
        String request = request("ava", "Restroom").getBody().get("id").asText();
        int alone = statementsToEvaluate(request);
        pairWithAva("cara");
        pairWithAva("dan");
        out("ben", "Library");
        out("cara", "Nurse");
        out("dan", "Main Office");

        int withThreePartnersOut = statementsToEvaluate(request);

        assertThat(withThreePartnersOut).isEqualTo(alone).isEqualTo(1);
    }

    private void pairWithAva(String partner) {
        jdbc.update(
                "insert into no_contact_pair (id, district_id, student_id, partner_id, version) values (?, ?, ?, ?, 0)",
                "facts-test-" + partner, person("ava").getDistrictId(), person("ava").getId(), person(partner).getId());
    }

    /**
     * Every statement the connection sends, counted by the server (Hibernate's and plain
     * JDBC's alike): its {@code Questions} before and after, less what one look at it
     * costs.
     */
    private int statementsToEvaluate(String passId) {
        return transaction.execute(status -> {
            var pass = passes.findById(passId).orElseThrow();
            long first = questions();
            long lookingCosts = questions() - first;
            long before = questions();
            policy.evaluate(pass);
            return (int) (questions() - before - lookingCosts);
        });
    }

    private long questions() {
        return transactional.query("show session status like 'Questions'", (rs, row) -> rs.getLong(2)).get(0);
    }

}

package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.pass.PassRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * At a bell rush every request is evaluated, so the facts are loaded in a fixed handful
 * of queries: the count must not grow with the no-contact partners who are out (it once
 * grew by two per partner).
 */
@OnMariaDb
class PolicyFactQueriesTest extends ApiTest {

    @Autowired
    PolicyEvaluation policy;

    @Autowired
    PassRepository passes;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EntityManagerFactory entityManagers;

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

        assertThat(withThreePartnersOut).isEqualTo(alone).isLessThanOrEqualTo(5);
    }

    private void pairWithAva(String partner) {
        jdbc.update(
                "insert into no_contact_pair (id, district_id, student_id, partner_id, version) values (?, ?, ?, ?, 0)",
                "facts-test-" + partner, person("ava").getDistrictId(), person("ava").getId(), person(partner).getId());
    }

    private int statementsToEvaluate(String passId) {
        return transaction.execute(status -> {
            var pass = passes.findById(passId).orElseThrow();
            AtomicInteger sent = new AtomicInteger();
            EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers)
                .unwrap(Session.class)
                .addEventListeners(new SessionEventListener() {
                    @Override
                    public void jdbcExecuteStatementStart() {
                        sent.incrementAndGet();
                    }
                });
            policy.evaluate(pass);
            return sent.get();
        });
    }

}

package org.corridor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class DeadlockRestartsTest {

    @Test
    void aDeadlockVictimIsRestartedInATransactionOfItsOwn() {
        try (var context = new AnnotationConfigApplicationContext(Wiring.class)) {
            Transactions transactions = context.getBean(Transactions.class);

            String answer = context.getBean(Booking.class).book();

            assertThat(answer).isEqualTo("booked on attempt 2");
            assertThat(transactions.log).containsExactly("begin 1", "rollback 1", "begin 2", "commit 2");
        }
    }

    @Test
    void aMethodWithoutTheAnnotationIsNotRestarted() {
        try (var context = new AnnotationConfigApplicationContext(Wiring.class)) {
            Transactions transactions = context.getBean(Transactions.class);
            Booking booking = context.getBean(Booking.class);

            assertThatThrownBy(booking::bookOnce).isInstanceOf(CannotAcquireLockException.class);
            assertThat(transactions.log).containsExactly("begin 1", "rollback 1");
        }
    }

    @Configuration
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    @EnableTransactionManagement
    static class Wiring {

        @Bean
        DeadlockRestarts deadlockRestarts() {
            return new DeadlockRestarts();
        }

        @Bean
        Transactions transactionManager() {
            return new Transactions();
        }

        @Bean
        Booking booking() {
            return new Booking();
        }

    }

    /**
     * Loses the first attempt as a deadlock victim, as MariaDB's lock manager does at a
     * bell rush.
     */
    static class Booking {

        private int attempts;

        @RestartOnDeadlock
        @Transactional
        public String book() {
            return attempt();
        }

        @Transactional
        public String bookOnce() {
            return attempt();
        }

        private String attempt() {
            if (++attempts == 1) {
                throw new CannotAcquireLockException("deadlock", new SQLTransactionRollbackException("Deadlock found"));
            }
            return "booked on attempt " + attempts;
        }

    }

    /** A transaction manager that only writes down what it was asked to do. */
    static class Transactions extends AbstractPlatformTransactionManager implements PlatformTransactionManager {

        final List<String> log = new ArrayList<>();

        private int begun;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            log.add("begin " + ++begun);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            log.add("commit " + begun);
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            log.add("rollback " + begun);
        }

    }

}

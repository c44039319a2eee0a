package org.corridor.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import org.corridor.testing.OnMariaDb;
import org.corridor.testing.TestDatabases;

/** MariaDB's own default, REPEATABLE READ, must stop Corridor from starting. */
@OnMariaDb
class ReadCommittedGuardTest {

    @Test
    void repeatableReadPoolIsRefusedWithTheSettingToFixIt() {
        TestDatabases.Connection_ db = TestDatabases.mariaDb();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");

            assertThatThrownBy(() -> ReadCommittedGuard.check(pool)).hasMessageContaining("not READ COMMITTED")
                .hasMessageContaining("spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
        }
    }

    @Test
    void readCommittedPoolIsAccepted() {
        TestDatabases.Connection_ db = TestDatabases.mariaDb();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setPassword(db.password());
            pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");

            ReadCommittedGuard.check(pool);
        }
    }

}

package org.corridor.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The engine is only correct under READ COMMITTED, and MariaDB defaults to REPEATABLE
 * READ. Check the pool before anything uses it, and refuse to start with a sentence that
 * says what to set.
 */
@Component
class ReadCommittedGuard implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            check(dataSource);
        }
        return bean;
    }

    static void check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            int level = connection.getTransactionIsolation();
            if (level != Connection.TRANSACTION_READ_COMMITTED) {
                throw new IllegalStateException("Corridor refuses to start: the database connections use transaction "
                        + "isolation level " + level + ", not READ COMMITTED (" + Connection.TRANSACTION_READ_COMMITTED
                        + ") as the workflow engine requires. Set spring.datasource.hikari.transaction-isolation="
                        + "TRANSACTION_READ_COMMITTED (environment: SPRING_DATASOURCE_HIKARI_TRANSACTION_ISOLATION).");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Corridor cannot reach its database: " + e.getMessage(), e);
        }
    }

}

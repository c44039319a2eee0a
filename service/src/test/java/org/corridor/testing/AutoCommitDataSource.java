package org.corridor.testing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service's pool with each connection committing statement by statement, for tests
 * that set up or inspect rows with plain SQL outside any transaction. The pool itself
 * hands out connections without auto-commit (application.yml), and takes back a
 * connection with uncommitted work by rolling it back, so such a write would vanish. The
 * pool puts auto-commit back when the connection returns. Inside a transaction of the
 * test's own (a race of several transactions, say) the statements join that transaction
 * on its connection, as they would on the pool.
 */
public final class AutoCommitDataSource extends DelegatingDataSource {

    private final DataSource transactional;

    public AutoCommitDataSource(DataSource pool) {
        super(pool);
        this.transactional = new TransactionAwareDataSourceProxy(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (TransactionSynchronizationManager.getResource(obtainTargetDataSource()) != null) {
            return transactional.getConnection();
        }
        Connection connection = super.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

}

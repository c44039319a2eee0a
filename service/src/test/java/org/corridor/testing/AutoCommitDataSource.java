package org.corridor.testing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's pool with each connection committing statement by statement, for tests
 * that set up or inspect rows with plain SQL outside any transaction. The pool itself
 * hands out connections without auto-commit (application.yml), and takes back a
 * connection with uncommitted work by rolling it back, so such a write would vanish. The
 * pool puts auto-commit back when the connection returns.
 */
public final class AutoCommitDataSource extends DelegatingDataSource {

    public AutoCommitDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

}

package org.corridor.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V33: the summaries and tallies of the passes that ended before V28 made their tables,
 * so that an upgraded database reports its past. In Java because a pass's day is on its
 * school's clock: each school's zone becomes the offsets between its daylight-saving
 * transitions, and each school's passes one {@code INSERT … SELECT}.
 * <p>
 * {@link #main} does the same on a database named on the command line, for passes written
 * there with SQL rather than ended by Corridor (the reports' benchmark seeds them so).
 */
@Component
public class PassSummaryBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("33");
    }

    @Override
    public String getDescription() {
        return "pass summaries of ended passes";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        PassSummaries.backfill(context.getConnection());
    }

    /** {@code PassSummaryBackfill jdbc-url user [password]}. */
    public static void main(String[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : "")) {
            connection.setAutoCommit(false);
            PassSummaries.backfill(connection);
            connection.commit();
        }
    }

}

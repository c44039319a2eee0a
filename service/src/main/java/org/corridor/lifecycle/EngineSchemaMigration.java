package org.corridor.lifecycle;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * V27: the engine's tables, made by the engine's own SQL scripts (in the camunda-engine
 * jar) under Flyway's lock, so that instances started together on an empty database make
 * them once; the engine itself no longer creates its schema
 * ({@code camunda.bpm.database.schema-update: false}) and waits for Flyway
 * ({@link EngineAfterMigrations}).
 * <p>
 * A database whose engine tables the engine made itself (every Corridor before this
 * migration) already has them: the migration leaves them as they are. The scripts are the
 * ones the engine ran with {@code schema-update: true}, every component it made: engine,
 * history, identity, case (CMMN) and decision (DMN) tables. A later engine version's
 * changes come as Flyway migrations running the engine's upgrade scripts.
 */
@Component
class EngineSchemaMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);

    /** In the order the engine creates them (DbSqlSession.dbSchemaCreate). */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    private static final String PRESENT = "ACT_GE_PROPERTY";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("27");
    }

    @Override
    public String getDescription() {
        return "engine schema";
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
        Connection connection = context.getConnection();
        if (enginePresent(connection)) {
            log.info("The engine's tables are there already (made by the engine): left as they are");
            return;
        }
        String type = engineDatabaseType(connection.getMetaData());
        for (String component : COMPONENTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + type + ".create." + component + ".sql"));
        }
        log.info("The engine's tables made ({})", type);
    }

    /** Looks in the current database only (Connector/J would otherwise look in all). */
    private static boolean enginePresent(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(PRESENT, PRESENT.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The engine's name for the database: its scripts are named by it. */
    static String engineDatabaseType(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mysql";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("Corridor runs on MariaDB (or H2 for the demo), not on "
                + meta.getDatabaseProductName() + ": the engine's tables cannot be made here");
    }

}

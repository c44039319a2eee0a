package org.corridor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V27 makes the engine's tables with the engine's own scripts, and an engine that no
 * longer makes its schema runs on them; a database whose engine made its tables itself
 * (before V27) migrates without them being touched. On H2 in memory, the demo's database;
 * the MariaDB side runs in {@code TwoInstancesTest}.
 */
class EngineSchemaMigrationTest {

    @Test
    void emptyDatabaseGetsTheEngineTablesAnEngineWithoutSchemaUpdateRunsOn() {
        String url = freshDatabase();

        migrate(url);

        try (Engine engine = new Engine(url, "false")) {
            assertThat(engine.it().getManagementService().getTableCount()).containsKeys("ACT_RU_JOB", "ACT_HI_PROCINST",
                    "ACT_ID_USER", "ACT_RE_CASE_DEF", "ACT_HI_DECINST");
        }
        assertThat(schemaVersions(url)).isEqualTo(1);
    }

    @Test
    void databaseWhoseEngineMadeItsTablesMigratesWithoutTouchingThem() {
        String url = freshDatabase();
        try (Engine before = new Engine(url, "true", "audit")) {
            assertThat(before.it().getManagementService().getTableCount()).containsKey("ACT_RU_JOB");
        }

        migrate(url);

        assertThat(schemaVersions(url)).isEqualTo(1);
        assertThat(jdbc(url).queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Integer.class)).isEqualTo(1);
        try (Engine after = new Engine(url, "false")) {
            assertThat(after.it().getManagementService().getTableCount()).containsKey("ACT_RU_JOB");
        }
    }

    @Test
    void databaseWithTheEnginesAuditHistoryMovesToCorridorsLevel() {
        String url = freshDatabase();
        try (Engine before = new Engine(url, "true", "audit")) {
            assertThat(historyLevel(url)).isEqualTo("2");
        }

        migrate(url);

        assertThat(historyLevel(url)).isEqualTo(String.valueOf(PassHistoryLevel.ID));
    }

    private static String historyLevel(String url) {
        return jdbc(url).queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'",
                String.class);
    }

    private static String freshDatabase() {
        return "jdbc:h2:mem:v27-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** As Spring Boot configures Flyway for Corridor (application.yml). */
    private static void migrate(String url) {
        Flyway.configure()
            .dataSource(url, "sa", "")
            .locations("classpath:db/migration")
            .javaMigrations(new EngineSchemaMigration())
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    }

    private static int schemaVersions(String url) {
        return jdbc(url).queryForObject("select count(*) from ACT_GE_PROPERTY where NAME_ = 'schema.version'",
                Integer.class);
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
    }

    /**
     * A bare engine on the database, its schema update as given, no job executor; its
     * history level Corridor's (V31 writes it into a database the engine had made),
     * before the migrations the engine's default.
     */
    private record Engine(ProcessEngine it) implements AutoCloseable {

        Engine(String url, String schemaUpdate) {
            this(url, schemaUpdate, PassHistoryLevel.NAME);
        }

        Engine(String url, String schemaUpdate, String history) {
            this(((ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration())
                .setCustomHistoryLevels(List.of(PassHistoryLevel.INSTANCE))
                .setJdbcUrl(url)
                .setJdbcUsername("sa")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(schemaUpdate)
                .setHistory(history)
                .setJobExecutorActivate(false)
                .setProcessEngineName("v27-" + UUID.randomUUID())
                .buildProcessEngine());
        }

        @Override
        public void close() {
            it.close();
        }

    }

}

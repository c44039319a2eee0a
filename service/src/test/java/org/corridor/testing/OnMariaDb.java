package org.corridor.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against MariaDB, the production database (see
 * {@link TestDatabases}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnMariaDb.Available.class)
@ContextConfiguration(initializers = OnMariaDb.Properties.class)
public @interface OnMariaDb {

    /**
     * Decides before the context starts: use the server, fail in CI without one, or skip.
     */
    class Available implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            TestDatabases.mariaDb();
        }

    }

    class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestDatabases.Connection_ db = TestDatabases.mariaDb();
            TestPropertyValues
                .of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(),
                        // what EngineDatabaseType derives from a MariaDB URL, which it
                        // sees only when set before start-up
                        "camunda.bpm.database.type=mysql",
                        "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent=true",
                        "spring.datasource.hikari.data-source-properties.useServerPrepStmts=true",
                        "camunda.bpm.process-engine-name=mariadbTests")
                .applyTo(context);
        }

    }

}

package org.corridor.persistence;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Pointing Corridor at MariaDB takes only the URL and credentials; this adds what the
 * engine needs: Camunda 7.23+ no longer recognises MariaDB by its product name but runs
 * on it as "mysql", and Connector/J 3 looks for tables in every database of the server
 * unless told to stay in the current one, so the engine would take another database's
 * tables for its own and skip creating them. It also has Connector/J prepare statements
 * on the server (see {@link #SERVER_PREPARED}). Each is a default: a property set
 * elsewhere wins.
 */
public class EngineDatabaseType implements EnvironmentPostProcessor {

    static final String PROPERTY = "camunda.bpm.database.type";

    /**
     * Statements prepared once per connection on the server and then only executed: the
     * engine and Corridor send the same few hundred statements again and again, which
     * MariaDB would otherwise parse on every call (and the driver split on every call).
     */
    static final String SERVER_PREPARED = "spring.datasource.hikari.data-source-properties.useServerPrepStmts";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            environment.getPropertySources()
                .addLast(new MapPropertySource("corridor-engine-database",
                        Map.of(PROPERTY, "mysql",
                                "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent", "true",
                                SERVER_PREPARED, "true")));
        }
    }

}

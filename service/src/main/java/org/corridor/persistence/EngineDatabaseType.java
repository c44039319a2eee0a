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
 * tables for its own and skip creating them.
 */
public class EngineDatabaseType implements EnvironmentPostProcessor {

    static final String PROPERTY = "camunda.bpm.database.type";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            environment.getPropertySources()
                .addLast(new MapPropertySource("corridor-engine-database", Map.of(PROPERTY, "mysql",
                        "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent", "true")));
        }
    }

}

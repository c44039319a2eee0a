package org.corridor.persistence;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Camunda 7.23+ no longer recognises MariaDB by its product name but runs on it as "mysql". Derive
 * that from the JDBC URL so that pointing Corridor at MariaDB takes only the URL and credentials.
 */
public class EngineDatabaseType implements EnvironmentPostProcessor {
    static final String PROPERTY = "camunda.bpm.database.type";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            environment.getPropertySources().addLast(new MapPropertySource("corridor-engine-database",
                    Map.of(PROPERTY, "mysql")));
        }
    }
}

package org.corridor.persistence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile Corridor keeps student records, so it must not fall back to a
 * database of its own choosing: Spring Boot would quietly start an in-memory H2, and
 * everything would vanish at the next restart. Checked as the settings are read, before
 * anything is built, so the message is the first thing an operator sees.
 */
public class DatabaseRequired implements EnvironmentPostProcessor {

    public static final String NO_DATABASE = "No database is configured. Outside the demo profile Corridor needs "
            + "CORRIDOR_DB_URL (with CORRIDOR_DB_USER and CORRIDOR_DB_PASSWORD), for example "
            + "jdbc:mariadb://localhost:3306/corridor (docs/operators.md, \"MariaDB\"). To try Corridor with its "
            + "demo school and an embedded database instead: java -jar service/target/corridor.jar "
            + "--spring.profiles.active=demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))
                && !StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException(NO_DATABASE);
        }
    }

}

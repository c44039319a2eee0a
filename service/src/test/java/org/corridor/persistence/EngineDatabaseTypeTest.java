package org.corridor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EngineDatabaseTypeTest {

    private static final String NULL_DATABASE = "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent";

    @Test
    void aMariaDbUrlBringsTheEngineTypeAndTheDriverSettings() {
        StandardEnvironment environment = environment(
                Map.of("spring.datasource.url", "jdbc:mariadb://db:3306/corridor"));

        assertThat(environment.getProperty(EngineDatabaseType.PROPERTY)).isEqualTo("mysql");
        assertThat(environment.getProperty(NULL_DATABASE)).isEqualTo("true");
        assertThat(environment.getProperty(EngineDatabaseType.SERVER_PREPARED)).isEqualTo("true");
    }

    @Test
    void anH2UrlBringsNoDriverSettings() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:h2:mem:corridor"));

        assertThat(environment.getProperty(EngineDatabaseType.SERVER_PREPARED)).isNull();
        assertThat(environment.getProperty(EngineDatabaseType.PROPERTY)).isNull();
    }

    @Test
    void anOperatorsOwnSettingWins() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:mariadb://db:3306/corridor",
                EngineDatabaseType.SERVER_PREPARED, "false"));

        assertThat(environment.getProperty(EngineDatabaseType.SERVER_PREPARED)).isEqualTo("false");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("operator", properties));
        new EngineDatabaseType().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

}

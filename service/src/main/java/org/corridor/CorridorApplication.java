package org.corridor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration;

/*
 * Redis is Corridor's broker only in cluster mode (corridor.broker.url, see
 * cluster.ClusterConfiguration): Spring Boot's own Redis set-up would otherwise connect to
 * localhost:6379 on every start.
 */
@SpringBootApplication(exclude = { RedisAutoConfiguration.class, RedisReactiveAutoConfiguration.class,
        RedisRepositoriesAutoConfiguration.class })
public class CorridorApplication {

    private static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

    public static void main(String[] args) {
        // The engine parses every timer's ISO date or duration with a DatatypeFactory.
        // Unnamed, the JDK
        // finds one by scanning the classpath, which in the nested jars of corridor.jar
        // costs each lookup
        // (five timers per pass): name the JDK's own implementation. An explicit setting
        // still wins.
        if (System.getProperty(DATATYPE_FACTORY) == null) {
            System.setProperty(DATATYPE_FACTORY,
                    "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
        SpringApplication application = new SpringApplication(CorridorApplication.class);
        StartupSteps.recordIfAsked(application);
        application.run(args);
    }

}

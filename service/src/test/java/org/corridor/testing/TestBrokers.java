package org.corridor.testing;

import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Where the cluster tests find their broker: the Redis server named by
 * CORRIDOR_TEST_BROKER_URL (default the machine's own, redis://127.0.0.1:6379) when it
 * answers PING; else the tests fail when CI=true (.ci/run starts Redis first) and are
 * skipped on a developer's machine, as with MariaDB ({@link TestDatabases}).
 */
public final class TestBrokers {

    private static String redis;

    private TestBrokers() {
    }

    /** The URL of a Redis server that answers. */
    public static synchronized String redis() {
        if (redis == null) {
            String url = System.getenv().getOrDefault("CORRIDOR_TEST_BROKER_URL", "redis://127.0.0.1:6379");
            String problem = answers(url);
            if (problem != null) {
                String why = "No Redis for the cluster tests: " + url + " does not answer PING (" + problem
                        + "). Start it (redis-server --daemonize yes) or set CORRIDOR_TEST_BROKER_URL.";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError(why);
                }
                Assumptions.abort(why);
            }
            redis = url;
        }
        return redis;
    }

    private static String answers(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String pong = connection.sync().ping();
            return "PONG".equals(pong) ? null : "answered " + pong;
        }
        catch (RuntimeException e) {
            return e.getMessage();
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

}

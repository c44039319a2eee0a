package org.corridor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.corridor.testing.TestBrokers;

/**
 * The channels of two deployments sharing one Redis server (the real one of the cluster
 * tests): each instance is a {@link RedisBroadcasts} with its own connection, as in its
 * own JVM. Every run uses prefixes of its own, so parallel runs never hear each other.
 */
class RedisBroadcastsTest {

    private final List<LettuceConnectionFactory> connections = new ArrayList<>();

    private final List<RedisMessageListenerContainer> containers = new ArrayList<>();

    private String production;

    private String staging;

    /** Asks Redis how many subscribers a channel has. */
    private RedisClient observerClient;

    private StatefulRedisConnection<String, String> observer;

    @BeforeEach
    void prefixes() {
        observerClient = RedisClient.create(TestBrokers.redis());
        observer = observerClient.connect();
        String run = UUID.randomUUID().toString();
        production = "production-" + run;
        staging = "staging-" + run;
    }

    @AfterEach
    void disconnect() throws Exception {
        for (RedisMessageListenerContainer container : containers) {
            container.stop();
            container.destroy();
        }
        connections.forEach(LettuceConnectionFactory::destroy);
        observer.close();
        observerClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void instancesWithTheSamePrefixHearEachOther() throws Exception {
        RedisBroadcasts sender = instance(production);
        BlockingQueue<String> heard = listening(instance(production));

        sender.publish("notifications", "hello");

        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
    }

    @Test
    void anotherDeploymentOnTheSameRedisHearsNothing() throws Exception {
        RedisBroadcasts stagingSender = instance(staging);
        BlockingQueue<String> productionHeard = listening(instance(production));
        BlockingQueue<String> stagingHeard = listening(instance(staging));

        stagingSender.publish("notifications", "staging only");

        // the staging listener hearing it shows the message went out before production is
        // asked
        assertThat(stagingHeard.poll(5, TimeUnit.SECONDS)).isEqualTo("staging only");
        assertThat(productionHeard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void channelIsThePrefixThenTheTopic() {
        assertThat(instance(production).channel("rule-set-activated")).isEqualTo(production + ":rule-set-activated");
    }

    @Test
    void blankOrSpacedPrefixIsRefusedAtStart() {
        assertThatThrownBy(() -> instance(" ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("CORRIDOR_BROKER_CHANNEL_PREFIX");
        assertThatThrownBy(() -> instance("corridor staging")).isInstanceOf(IllegalArgumentException.class);
    }

    private RedisBroadcasts instance(String prefix) {
        LettuceConnectionFactory connection = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(TestBrokers.redis()));
        connection.afterPropertiesSet();
        connection.start();
        connections.add(connection);
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connection);
        container.afterPropertiesSet();
        container.start();
        containers.add(container);
        return new RedisBroadcasts(new StringRedisTemplate(connection), container, prefix);
    }

    /** Subscribed, once Redis counts the subscription (it is made asynchronously). */
    private BlockingQueue<String> listening(RedisBroadcasts instance) throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        long before = subscribers(instance.channel("notifications"));
        instance.subscribe("notifications", heard::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (subscribers(instance.channel("notifications")) <= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return heard;
    }

    private long subscribers(String channel) {
        return observer.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

}

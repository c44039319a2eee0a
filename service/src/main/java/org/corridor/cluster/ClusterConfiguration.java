package org.corridor.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.StringUtils;

/**
 * Cluster mode, turned on by one setting: {@code corridor.broker.url}
 * ({@code CORRIDOR_BROKER_URL}, for example {@code redis://127.0.0.1:6379}). Without it
 * nothing here connects anywhere (Spring Boot's own Redis auto-configuration is excluded
 * in {@code CorridorApplication}, so the demo and the tests never try a Redis server).
 */
@Configuration
class ClusterConfiguration {

    static final String BROKER_URL = "corridor.broker.url";

    static final String CHANNEL_PREFIX = "corridor.broker.channel-prefix";

    @Bean
    @Conditional(Clustered.class)
    LettuceConnectionFactory redisConnectionFactory(@Value("${" + BROKER_URL + "}") String url) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder();
        if (url.startsWith("rediss:")) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url), client.build());
    }

    @Bean
    @Conditional(Clustered.class)
    StringRedisTemplate brokerTemplate(RedisConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }

    @Bean
    @Conditional(Clustered.class)
    RedisMessageListenerContainer brokerListeners(RedisConnectionFactory connections,
            ThreadPoolTaskExecutor brokerDispatch) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(brokerDispatch);
        return container;
    }

    /**
     * One thread hands the messages received on to their listeners, in the order
     * published (the container's default starts a thread per message, in no order): a
     * request's popup must not overtake its predecessor. Listeners only hand work on.
     */
    @Bean
    @Conditional(Clustered.class)
    ThreadPoolTaskExecutor brokerDispatch() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("broker-dispatch-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    @Conditional(Clustered.class)
    Broadcasts redisBroadcasts(StringRedisTemplate brokerTemplate, RedisMessageListenerContainer brokerListeners,
            @Value("${" + CHANNEL_PREFIX + ":corridor}") String channelPrefix) {
        return new RedisBroadcasts(brokerTemplate, brokerListeners, channelPrefix);
    }

    @Bean
    @Conditional(Clustered.class)
    SharedBuckets redisSharedBuckets(@Value("${" + BROKER_URL + "}") String url,
            @Value("${" + CHANNEL_PREFIX + ":corridor}") String channelPrefix) {
        return new RedisSharedBuckets(url, channelPrefix);
    }

    @Bean
    @Conditional(SingleInstance.class)
    Broadcasts localBroadcasts() {
        return new LocalBroadcasts();
    }

    /** A broker is named. */
    static class Clustered implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(BROKER_URL));
        }

    }

    /** No broker: one instance, as before cluster mode existed. */
    static class SingleInstance implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(BROKER_URL));
        }

    }

}

package org.corridor.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.StringUtils;

/**
 * Redis pub/sub: one channel per topic ({@code <prefix>:<topic>}, the prefix
 * {@code corridor} unless {@code corridor.broker.channel-prefix} names another, so that
 * two deployments sharing one Redis server never hear each other), each message prefixed
 * with the id of the instance that sent it, so an instance skips its own. A publish that
 * fails (the broker is down) is logged and dropped: the sender's own streams were served,
 * and the others catch up from the database when their clients reconnect.
 */
class RedisBroadcasts implements Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(RedisBroadcasts.class);

    private static final char SEPARATOR = '\n';

    private final String instanceId = UUID.randomUUID().toString();

    private final StringRedisTemplate redis;

    private final RedisMessageListenerContainer listeners;

    private final String channelPrefix;

    RedisBroadcasts(StringRedisTemplate redis, RedisMessageListenerContainer listeners, String channelPrefix) {
        if (!StringUtils.hasText(channelPrefix) || channelPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "corridor.broker.channel-prefix (CORRIDOR_BROKER_CHANNEL_PREFIX) must be a word without spaces, "
                            + "the same on every instance of one deployment; got \"" + channelPrefix + "\"");
        }
        this.redis = redis;
        this.listeners = listeners;
        this.channelPrefix = channelPrefix;
    }

    String channel(String topic) {
        return channelPrefix + ":" + topic;
    }

    @Override
    public void publish(String topic, String message) {
        try {
            redis.convertAndSend(channel(topic), instanceId + SEPARATOR + message);
        }
        catch (RuntimeException e) {
            log.warn("Broadcast on {} not sent; other instances catch up from the database", topic, e);
        }
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        listeners.addMessageListener((message, pattern) -> {
            String text = new String(message.getBody(), StandardCharsets.UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0 || text.substring(0, separator).equals(instanceId)) {
                return; // our own, or not one of ours
            }
            try {
                listener.accept(text.substring(separator + 1));
            }
            catch (RuntimeException e) {
                log.warn("A broadcast on {} could not be handled", topic, e);
            }
        }, new ChannelTopic(channel(topic)));
    }

    @Override
    public boolean clustered() {
        return true;
    }

}

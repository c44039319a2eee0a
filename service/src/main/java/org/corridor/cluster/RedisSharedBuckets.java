package org.corridor.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;

import org.springframework.beans.factory.DisposableBean;

/**
 * Bucket4j's Redis backend (compare-and-swap, through Lettuce): each bucket is one Redis
 * key, {@code <prefix>:bucket:<name>}, changed atomically by whichever instance takes a
 * token. A key expires a little after its bucket has filled again.
 */
class RedisSharedBuckets implements SharedBuckets, DisposableBean {

    /** How long a full bucket's key outlives its last refill. */
    private static final Duration KEEP_WHEN_FULL = Duration.ofSeconds(10);

    /** A broker that does not answer in time fails the call instead of holding it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;

    private final ProxyManager<byte[]> buckets;

    private final String keyPrefix;

    RedisSharedBuckets(String url, String channelPrefix) {
        this.client = RedisClient.create(url);
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
            .requestTimeout(REQUEST_TIMEOUT)
            .build();
        this.keyPrefix = channelPrefix + ":bucket:";
    }

    @Override
    public Bucket bucket(String name, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build((keyPrefix + name).getBytes(StandardCharsets.UTF_8), configuration);
    }

    @Override
    public void destroy() {
        client.shutdown();
    }

}

package org.corridor.cluster;

import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Token buckets that every instance of one Corridor shares (in cluster mode only: there
 * is no such bean on a single instance). A bucket is named by its user and lives in the
 * broker's Redis under the deployment's channel prefix; it disappears once it has filled
 * up again, so an idle name costs nothing.
 */
public interface SharedBuckets {

    /**
     * The shared bucket of that name; made with the configuration by the first instance
     * that takes from it.
     */
    Bucket bucket(String name, Supplier<BucketConfiguration> configuration);

}

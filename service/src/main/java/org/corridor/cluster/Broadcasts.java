package org.corridor.cluster;

import java.util.function.Consumer;

/**
 * What one instance tells every other instance of the same Corridor: a notification to
 * push to the streams open there, a rule set to compile. On a single instance (no
 * {@code corridor.broker.url}) there is no one to tell and nothing leaves the process;
 * with a broker, a message goes to every other instance, never back to its sender (which
 * has already acted on it). Delivery is at most once: whatever must not be lost is in the
 * database first, and a message only saves the others a read.
 */
public interface Broadcasts {

    /** Sends the message to every other instance subscribed to the topic. */
    void publish(String topic, String message);

    /**
     * Calls the listener with each message another instance publishes on the topic, on a
     * thread of the broker's client: the listener should hand long work off.
     */
    void subscribe(String topic, Consumer<String> listener);

    /** Whether other instances can be reached (a broker is configured). */
    boolean clustered();

}

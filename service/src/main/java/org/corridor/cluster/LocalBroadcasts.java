package org.corridor.cluster;

import java.util.function.Consumer;

/**
 * A single instance: there is no other instance to tell, so a message goes nowhere and no
 * listener is ever called.
 */
class LocalBroadcasts implements Broadcasts {

    @Override
    public void publish(String topic, String message) {
        // no other instance
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        // no other instance publishes
    }

    @Override
    public boolean clustered() {
        return false;
    }

}

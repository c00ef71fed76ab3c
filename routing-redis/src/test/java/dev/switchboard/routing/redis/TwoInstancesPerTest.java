package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.liveState;

import dev.switchboard.routing.state.LiveState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up of tests that play two instances on one tenant: a real redis-server for the class, and for each test two
 * stores, each on its own connection, with a live state on each ({@link Fixtures#liveState}), closed after it. A
 * subclass's own {@code @BeforeEach} runs after they are open, so it can put the owners and conversations its tests
 * start from.
 */
abstract class TwoInstancesPerTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisRoutingStore store;
    private RedisRoutingStore otherStore;
    /** The instance a test acts on. */
    LiveState live;
    /** The other instance, which sees what the first changed. */
    LiveState other;

    @BeforeEach
    final void openTwoInstances() {
        String tenant = REDIS.newTenant();
        store = REDIS.store(tenant);
        otherStore = REDIS.store(tenant);
        live = liveState(store);
        other = liveState(otherStore);
    }

    @AfterEach
    final void closeTwoInstances() {
        store.close();
        otherStore.close();
    }
}

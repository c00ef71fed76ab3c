package dev.switchboard.routing.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up the store's script tests share: a real redis-server for the class, and for each test a store on a new
 * connection and a tenant of its own, closed after it. A subclass's own {@code @BeforeEach} runs after the store is
 * open, so it can put the owners and conversations its tests start from.
 */
abstract class StorePerTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** The store of the running test, on a tenant no other test uses. */
    RedisRoutingStore store;

    @BeforeEach
    final void openStore() {
        store = REDIS.store();
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }
}

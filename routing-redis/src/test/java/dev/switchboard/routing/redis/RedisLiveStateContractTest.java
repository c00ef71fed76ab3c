package dev.switchboard.routing.redis;

import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.testkit.LiveStateContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis live state passes the store contract against a real redis-server: each sequence on a tenant of its own. */
class RedisLiveStateContractTest extends LiveStateContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<RedisRoutingStore> stores = new ArrayList<>();

    @Override
    protected LiveStateFactory store() {
        RedisRoutingStore store = REDIS.store();
        stores.add(store);
        return store.liveState();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisRoutingStore::close);
    }
}

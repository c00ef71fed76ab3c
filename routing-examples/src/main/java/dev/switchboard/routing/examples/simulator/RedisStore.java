package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.redis.RedisLiveState;
import dev.switchboard.routing.redis.RedisRoutingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every chain's router on one Redis server, each on a store (a connection) and a tenant of its own, so that the
 * chains do not share state. The tenants are named after the chain and this run ({@code simulator-<run>-<chain>}),
 * new for every run: a day never starts from an earlier run's state, and runs against one server do not mix.
 */
final class RedisStore implements LiveStore {

    private final String uri;
    private final String run = UUID.randomUUID().toString();
    private final List<RedisRoutingStore> stores = new ArrayList<>();

    /** Routers on the Redis at {@code uri} ({@code redis://host:port}); nothing is connected until a chain runs. */
    RedisStore(String uri) {
        this.uri = uri;
    }

    @Override
    public Router.Builder placeIn(Router.Builder builder, Chain chain) {
        RedisRoutingStore store = RedisRoutingStore.builder().uri(uri).tenant(tenant(chain)).build();
        stores.add(store);
        return builder.liveState(RedisLiveState.factory(store));
    }

    /** The tenant of a chain in this run. */
    String tenant(Chain chain) {
        return "simulator-" + run + "-" + chain.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Closes every chain's connection; the state stays in Redis. */
    @Override
    public void close() {
        stores.forEach(RedisRoutingStore::close);
        stores.clear();
    }
}

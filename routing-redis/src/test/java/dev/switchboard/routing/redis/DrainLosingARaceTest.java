package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two routers on one tenant: while one router's release drains a waiting conversation to the freed owner, the other
 * serves that conversation first, between the drain's check that it waits and its take. The release still takes
 * effect and returns; the conversation is the other router's, placed once.
 */
class DrainLosingARaceTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final String tenant = REDIS.newTenant();
    private final RedisRoutingStore store = REDIS.store(tenant);
    private final RedisRoutingStore otherStore = REDIS.store(tenant);
    private final ManualClock clock = new ManualClock(T0);

    @AfterEach
    void close() {
        store.close();
        otherStore.close();
    }

    @Test
    void theReleaseReturns_andTheConversationIsServedOnce_byTheOtherRouter() {
        Router[] other = new Router[1];
        Router router = router(store, () -> other[0].release("c2"));
        other[0] = router(otherStore, () -> {});
        router.addOwner(agent("ana", 1));
        router.addOwner(agent("ben", 1));
        router.route(chat("c1"));
        router.route(chat("c2"));
        router.route(chat("c3"));
        assertThat(router.placement("c3")).containsInstanceOf(Placement.Waiting.class);

        router.release("c1"); // its drain offers c3 to c1's owner; the other router releases c2 and serves c3 first

        assertThat(router.placement("c1")).isEmpty();
        assertThat(router.placement("c2")).isEmpty();
        assertThat(router.placement("c3")).containsInstanceOf(Placement.Owned.class);
        assertThat(router.roster()).extracting(OwnerStatus::load).containsExactlyInAnyOrder(0, 1);
        assertThat(router.waiting()).isEmpty();
    }

    /** A router on the store that runs {@code beforeFirstDequeue} just before its first take out of a queue. */
    private Router router(RedisRoutingStore on, Runnable beforeFirstDequeue) {
        boolean[] ran = {false};
        return Router.builder().clock(clock).chain(new RoundRobin()).fallbackQueue("waiting", Duration.ofHours(1))
                .liveState(settings -> LiveStateHooks.around(on.liveState().open(settings), method -> {
                    if (method.equals("dequeue") && !ran[0]) {
                        ran[0] = true;
                        beforeFirstDequeue.run();
                    }
                }, method -> {})).build();
    }
}

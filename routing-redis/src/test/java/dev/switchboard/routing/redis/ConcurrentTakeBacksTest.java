package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two routers on one tenant, each with its own connection, take back the same offline owner's conversations at once
 * (the default policy takes them back as soon as the owner is offline): each conversation moves once, from that owner
 * straight to another owner or a queue, and none is lost or placed twice. A router that finds a conversation moved by
 * the other one between its read and its move gets a clear IllegalStateException, with nothing changed; its next tick
 * carries on with what is left.
 */
class ConcurrentTakeBacksTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int CONVERSATIONS = 40;
    private static final List<String> STAYING = List.of("ana", "ben", "cleo", "dan");
    private static final int ROOM = 5;
    private static final int MAX_TICKS = 50;

    @Test
    void twoRoutersTakingBackTheSameOfflineOwner_moveEachConversationOnce_andLoseNone() throws Exception {
        String tenant = REDIS.newTenant();
        ManualClock clock = new ManualClock(Fixtures.T0);
        List<RedisRoutingStore> stores = List.of(REDIS.store(tenant), REDIS.store(tenant), REDIS.store(tenant));
        try {
            // a manager whose policy keeps offline owners' conversations, so that only the two routers take them back
            Router manager = router(stores.get(2), clock, OfflinePolicy.keepFor(Duration.ofHours(1)));
            STAYING.forEach(id -> manager.setPresence(id, Presence.AWAY));
            for (int i = 0; i < CONVERSATIONS; i++) {
                assertThat(manager.route(Fixtures.chat("c" + i))).isInstanceOf(Decision.Assigned.class);
            }
            STAYING.forEach(id -> manager.setPresence(id, Presence.ONLINE));
            manager.setPresence("leaving", Presence.OFFLINE);
            List<Router> routers = List.of(router(stores.get(0), clock, OfflinePolicy.reassignNow()),
                    router(stores.get(1), clock, OfflinePolicy.reassignNow()));

            List<List<IllegalStateException>> refused = Workers.run(2, i -> {
                List<IllegalStateException> mine = new ArrayList<>();
                Router router = routers.get(i);
                for (int tick = 0; tick < MAX_TICKS && router.ownerStatus("leaving").load() > 0; tick++) {
                    try {
                        router.tick();
                    } catch (IllegalStateException moved) { // the other router moved it first: nothing changed
                        mine.add(moved);
                    }
                }
                return mine;
            });

            assertThat(refused).flatMap(list -> list).allSatisfy(e -> assertThat(e.getMessage())
                    .containsAnyOf("no longer owned by 'leaving'", "is not owned"));
            assertThat(manager.ownerStatus("leaving").load()).isZero();
            Map<String, Integer> owned = new HashMap<>();
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Placement placement = manager.placement("c" + i).orElseThrow(() -> new AssertionError("lost"));
                if (placement instanceof Placement.Owned taken) {
                    owned.merge(taken.ownerId(), 1, Integer::sum);
                } else {
                    assertThat(placement).isInstanceOf(Placement.Waiting.class);
                    waiting.add(placement.conversation().id());
                }
            }
            assertThat(owned).containsOnlyKeys(STAYING).allSatisfy((owner, count) -> {
                assertThat(count).isEqualTo(ROOM);
                assertThat(manager.ownerStatus(owner).load()).isEqualTo(ROOM);
            });
            assertThat(manager.waiting()).extracting(entry -> entry.conversation().id())
                    .containsExactlyInAnyOrderElementsOf(waiting).hasSize(CONVERSATIONS - STAYING.size() * ROOM);
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }

    private static Router router(RedisRoutingStore store, ManualClock clock, OfflinePolicy policy) {
        Router.Builder builder = Router.builder().chain(new RoundRobin()).clock(clock)
                .fallbackQueue("general", Duration.ofHours(1)).offlinePolicy(policy).liveState(store.liveState())
                .owner(Fixtures.agent("leaving", CONVERSATIONS));
        STAYING.forEach(id -> builder.owner(Fixtures.agent(id, ROOM)));
        return builder.build();
    }
}

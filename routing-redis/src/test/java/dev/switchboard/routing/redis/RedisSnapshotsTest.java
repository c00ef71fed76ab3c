package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static dev.switchboard.routing.redis.Fixtures.agent;
import static dev.switchboard.routing.redis.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.state.StateSnapshot;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of the Redis live state beyond the contract (which compares them with the embedded store's after every
 * call, and restores each store from the other's): a restore is refused by a tenant that holds state, which keeps it,
 * and a restored tenant is laid out as the live state's own scripts lay it out, so another instance reads it alike.
 */
class RedisSnapshotsTest extends StorePerTest {

    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofHours(1))),
            List.of(Rule.builder("everyone").chain(new RoundRobin()).queue("general").build()));

    private final ManualClock clock = new ManualClock(T0);

    /** An embedded router: ana holds c1 and c3, ben c2, and c4 waits. */
    private Router embedded() {
        Router embedded = Router.builder().plan(PLAN).clock(clock).owner(agent("ana", 2)).owner(agent("ben", 1))
                .build();
        List.of("c1", "c2", "c3", "c4").forEach(id -> embedded.route(chat(id)));
        return embedded;
    }

    /**
     * A snapshot's parts but for when customers were served, which Redis tells as nearly as its TTLs (on its own clock)
     * do.
     */
    private static List<Object> state(StateSnapshot snapshot) {
        return List.of(snapshot.roster(), snapshot.nextRosterPosition(), snapshot.owned(), snapshot.offers(),
                snapshot.waiting(), snapshot.cursors(), snapshot.customers().links(), snapshot.customers().aliases(),
                snapshot.customers().memory().stream().map(memory -> memory.customer() + " " + memory.primaryOwner()
                        + " " + memory.lastOwner() + " " + memory.streak()).toList(), snapshot.timers());
    }

    @Test
    void aTenantThatHoldsState_refusesARestore_andKeepsItsState() {
        Router onRedis = Router.builder().plan(PLAN).clock(clock).liveState(store.liveState())
                .owner(agent("cleo", 1)).build();
        onRedis.route(chat("c9"));
        StateSnapshot before = onRedis.snapshot();

        assertThatThrownBy(() -> Router.builder().plan(PLAN).clock(clock).liveState(store.liveState())
                .restoreFrom(embedded().snapshot()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds state");

        assertThat(state(onRedis.snapshot())).isEqualTo(state(before));
        assertThat(onRedis.placement("c9")).contains(new Placement.Owned(chat("c9"), "cleo"));
    }

    @Test
    void aRestoredTenant_isReadAlikeByAnotherInstance_andCarriesOnAsTheEmbeddedRouter() {
        Router embedded = embedded();
        StateSnapshot snapshot = embedded.snapshot();
        String tenant = REDIS.newTenant();
        try (RedisRoutingStore one = REDIS.store(tenant); RedisRoutingStore other = REDIS.store(tenant)) {
            Router restored = Router.builder().plan(PLAN).clock(clock).liveState(one.liveState())
                    .restoreFrom(snapshot).build();
            Router another = Router.builder().plan(PLAN).clock(clock).liveState(other.liveState())
                    .owner(agent("ana", 2)).owner(agent("ben", 1)).build(); // a second instance on the same Redis

            assertThat(state(another.snapshot())).isEqualTo(state(snapshot));
            assertThat(other.placement("c3")).contains(new Placement.Owned(chat("c3"), "ana"));

            embedded.release("c2");
            restored.release("c2");
            assertThat(restored.placement("c4")).isEqualTo(embedded.placement("c4")).isPresent();
            assertThat(restored.route(chat("c5"))).isEqualTo(embedded.route(chat("c5")));
        }
    }
}

package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routers on Redis across restarts: a router built on a Redis that holds state carries on from it (every
 * conversation where it was, the rotation's next pick, the queues in order), and a router whose Redis is killed
 * mid-run fails each call with {@link RedisUnavailableException}, half-applies no decision, and works again once
 * Redis is back.
 */
class RouterRestartTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.durable();

    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofHours(1))),
            List.of(Rule.builder("everyone").chain(new RoundRobin()).queue("general").build()));

    private static Router router(RedisRoutingStore store, ManualClock clock, int capacity) {
        return Router.builder().plan(PLAN).clock(clock).liveState(store.liveState())
                .owner(Owner.agent("ana").capacity(capacity).build())
                .owner(Owner.agent("ben").capacity(capacity).build())
                .owner(Owner.agent("cleo").capacity(capacity).build()).build();
    }

    private static Conversation chat(String id, ManualClock clock) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(clock.instant()).build();
    }

    private static String ownerOf(Decision decision) {
        return ((Decision.Assigned) decision).ownerId();
    }

    @Test
    void aRouterBuiltOnTheSameRedis_findsEveryConversationWhereItWas_andCarriesOnTheRotationAndTheQueue() {
        String tenant = REDIS.newTenant();
        ManualClock clock = new ManualClock(T0);
        Map<String, Optional<Placement>> before = new HashMap<>();
        try (RedisRoutingStore store = REDIS.store(tenant)) {
            Router first = router(store, clock, 2);
            assertThat(List.of("c1", "c2", "c3", "c4").stream().map(id -> ownerOf(first.route(chat(id, clock)))))
                    .containsExactly("ana", "ben", "cleo", "ana");
            before.put("c1", first.placement("c1"));
            before.put("c4", first.placement("c4"));
        }

        try (RedisRoutingStore store = REDIS.store(tenant)) {
            Router second = router(store, clock, 2);
            assertThat(second.placement("c1")).isEqualTo(before.get("c1")).isPresent();
            assertThat(second.placement("c4")).isEqualTo(before.get("c4"));
            assertThat(second.roster()).extracting(status -> status.owner().id() + " " + status.conversationIds())
                    .containsExactly("ana [c1, c4]", "ben [c2]", "cleo [c3]");
            assertThat(ownerOf(second.route(chat("c5", clock)))).isEqualTo("ben"); // the rotation goes on after ana
            assertThat(ownerOf(second.route(chat("c6", clock)))).isEqualTo("cleo");
            clock.advance(Duration.ofSeconds(1));
            assertThat(second.route(chat("c7", clock))).isInstanceOf(Decision.Queued.class);
            clock.advance(Duration.ofSeconds(1));
            assertThat(second.route(chat("c8", clock))).isInstanceOf(Decision.Queued.class);
        }

        try (RedisRoutingStore store = REDIS.store(tenant)) {
            Router third = router(store, clock, 2);
            assertThat(third.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c7", "c8");
            third.release("c2");
            assertThat(third.placement("c7")).hasValueSatisfying(place ->
                    assertThat(((Placement.Owned) place).ownerId()).isEqualTo("ben"));
            assertThat(third.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("c8");
        }
    }

    @Test
    void whileRedisIsDown_theRouterFailsEachCallClearly_andCarriesOnWhenItIsBack() {
        String tenant = REDIS.newTenant();
        ManualClock clock = new ManualClock(T0);
        try (RedisRoutingStore store = REDIS.store(tenant)) {
            Router router = router(store, clock, 2);
            router.route(chat("c1", clock));

            REDIS.kill();

            assertThatThrownBy(() -> router.route(chat("c2", clock))).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> router.release("c1")).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(router::tick).isInstanceOf(RedisUnavailableException.class);

            REDIS.start();

            assertThat(router.placement("c1")).contains(new Placement.Owned(chat("c1", clock), "ana"));
            assertThat(router.placement("c2")).isEmpty();
            assertThat(ownerOf(router.route(chat("c2", clock)))).isEqualTo("ben");
        }
    }

    private static final int THREADS = 2;
    private static final int CALLS_AROUND_THE_RESTART = 300;

    /** What one thread knows is open at the end, and how many of its calls failed. */
    record Outcome(Set<String> open, int failures) {}

    @Test
    void redisKilledMidRun_noDecisionIsHalfApplied_andTheRoutersGoOn() throws Exception {
        String tenant = REDIS.newTenant();
        ManualClock clock = new ManualClock(T0);
        List<RedisRoutingStore> stores = List.of(REDIS.store(tenant), REDIS.store(tenant));
        List<Router> routers = List.of(router(stores.get(0), clock, 3), router(stores.get(1), clock, 3));
        RedisOutage outage = new RedisOutage(REDIS, THREADS);
        AtomicInteger ids = new AtomicInteger();
        try {
            List<Outcome> outcomes = Workers.run(THREADS, thread -> {
                Router router = routers.get(thread);
                SplittableRandom random = new SplittableRandom(91 + thread);
                List<String> open = new ArrayList<>();
                List<String> unsure = new ArrayList<>();
                int failures = 0;
                int before = 0;
                int after = 0;
                while (after < CALLS_AROUND_THE_RESTART) {
                    try {
                        settle(router, unsure, open); // before anything else, so that no call acts on a guess
                    } catch (RedisUnavailableException e) {
                        failures++;
                        continue;
                    }
                    boolean release = !open.isEmpty() && random.nextInt(100) < 45;
                    String id = release ? open.get(random.nextInt(open.size())) : "r" + ids.getAndIncrement();
                    try {
                        if (release) {
                            open.remove(id);
                            router.release(id);
                        } else {
                            open.add(id);
                            router.route(chat(id, clock));
                        }
                    } catch (RedisUnavailableException e) {
                        failures++;
                        unsure.add(id);
                        if (failures == 1) {
                            outage.sawItDown();
                        }
                        continue;
                    } catch (IllegalStateException lostARace) { // with the other router, over a waiting one
                        unsure.add(id);
                        continue;
                    }
                    if (outage.isOver()) {
                        after++;
                    } else if (++before == CALLS_AROUND_THE_RESTART) {
                        outage.workedBefore();
                    }
                }
                settle(router, unsure, open);
                return new Outcome(new HashSet<>(open), failures);
            });
            outage.awaitEnd();

            Set<String> open = new HashSet<>();
            for (Outcome outcome : outcomes) {
                assertThat(outcome.failures()).isPositive();
                open.addAll(outcome.open());
            }
            Set<String> placed = new HashSet<>();
            for (String ownerId : List.of("ana", "ben", "cleo")) {
                OwnerLoad load = stores.get(0).ownerLoad(ownerId).orElseThrow();
                assertThat(load.load()).isEqualTo(load.conversationIds().size()).isLessThanOrEqualTo(3);
                assertThat(load.maxSeenLoad()).isLessThanOrEqualTo(3);
                placed.addAll(load.conversationIds());
            }
            routers.get(0).waiting().forEach(entry -> assertThat(placed.add(entry.conversation().id())).isTrue());
            assertThat(placed).isEqualTo(open);
            // no place without its owner's load or its queue entry, nor the other way round
            List<String> places = REDIS.raw(redis -> redis.keys("switchboard:{" + tenant + "}:conv:*"));
            assertThat(places).hasSize(open.size());
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }

    /** Settles the calls whose outcome a failure left unknown by reading where each conversation is. */
    private static void settle(Router router, List<String> unsure, List<String> open) {
        for (String id : List.copyOf(unsure)) {
            boolean placed = router.placement(id).isPresent();
            open.remove(id);
            if (placed) {
                open.add(id);
            }
            unsure.remove(id);
        }
    }
}

package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several routers, each on its own store and connection, on several threads each, share one Redis: they route and
 * release their own conversations, tick, and churn the shared owners' presence through busy, away and offline. A
 * call that loses a race with another instance may be refused; what it did is then read back. At the end no owner
 * was ever over capacity (the commit script's max-seen load) or is, no conversation is owned twice or waits twice,
 * and every conversation is owned, waiting or released exactly as its calls say.
 */
class MultiInstanceRoutersTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int INSTANCES = 3;
    private static final int THREADS_PER_INSTANCE = 2;
    private static final int OPERATIONS_PER_THREAD = 34_000;
    private static final int OWNERS = 10;
    private static final int TOTAL = 3;
    private static final int CHAT_LIMIT = 2;
    /** At most this many open conversations per thread: twice the owners' room, so queues form and drain. */
    private static final int OPEN_PER_THREAD = 10;
    private static final List<Presence> CHURN = List.of(Presence.ONLINE, Presence.ONLINE, Presence.BUSY,
            Presence.AWAY, Presence.OFFLINE);
    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("general", Duration.ofHours(1))),
            List.of(Rule.builder("everyone").chain(new RoundRobin()).queue("general").build()));

    /** What one thread left open and released, of how many calls. */
    record Outcome(List<String> open, Set<String> released, int operations) {}

    @Test
    void routersSharingOneRedis_neverOverfillAnOwner_neverOwnTwice_loseNothing() throws Exception {
        String tenant = REDIS.newTenant();
        ManualClock clock = new ManualClock(T0);
        List<RedisRoutingStore> stores = new ArrayList<>();
        List<Router> routers = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            RedisRoutingStore store = REDIS.store(tenant);
            stores.add(store);
            routers.add(router(store, clock));
        }
        try {
            List<Outcome> outcomes = Workers.run(INSTANCES * THREADS_PER_INSTANCE, thread ->
                    work(routers.get(thread % INSTANCES), thread));

            List<String> open = new ArrayList<>();
            Set<String> released = new HashSet<>();
            int operations = 0;
            for (Outcome outcome : outcomes) {
                open.addAll(outcome.open());
                released.addAll(outcome.released());
                operations += outcome.operations();
            }
            assertThat(operations).isGreaterThanOrEqualTo(200_000);
            assertThat(routers.stream().mapToLong(each -> each.stats().retried()).sum())
                    .as("commits another instance made stale, decided again").isPositive();
            Router router = routers.get(0);
            Set<String> owned = new HashSet<>();
            for (int i = 0; i < OWNERS; i++) {
                OwnerLoad load = stores.get(0).ownerLoad(owner(i)).orElseThrow();
                assertThat(load.maxSeenLoad()).as("max seen load of %s", load.ownerId()).isLessThanOrEqualTo(TOTAL);
                assertThat(load.load()).isEqualTo(load.conversationIds().size()).isLessThanOrEqualTo(TOTAL);
                assertThat(load.loadByChannel().getOrDefault("chat", 0)).isLessThanOrEqualTo(CHAT_LIMIT);
                for (String id : load.conversationIds()) {
                    assertThat(owned.add(id)).as("%s owned twice", id).isTrue();
                    assertThat(router.placement(id)).hasValueSatisfying(place -> assertThat(
                            ((Placement.Owned) place).ownerId()).isEqualTo(load.ownerId()));
                }
            }
            List<String> waiting = router.waiting().stream().map(entry -> entry.conversation().id()).toList();
            assertThat(new HashSet<>(waiting)).hasSameSizeAs(waiting).doesNotContainAnyElementsOf(owned);
            Set<String> placed = new HashSet<>(owned);
            placed.addAll(waiting);
            assertThat(placed).as("every open conversation owned or waiting, and nothing else")
                    .containsExactlyInAnyOrderElementsOf(open);
            released.forEach(id -> assertThat(router.placement(id)).as("released %s", id).isEmpty());
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }

    private static Router router(RedisRoutingStore store, ManualClock clock) {
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add(Owner.agent(owner(i)).capacity(new Capacity(TOTAL, Map.of("chat", CHAT_LIMIT))).build());
        }
        // offline owners keep their conversations (the clock stands still), which keeps this long test's churn cheap;
        // taking them back at once, each moved in one script, is raced by ConcurrentTakeBacksTest
        return Router.builder().plan(PLAN).clock(clock).owners(owners)
                .offlinePolicy(OfflinePolicy.keepFor(Duration.ofHours(1))).liveState(store.liveState()).build();
    }

    private static String owner(int index) {
        return "owner-" + index;
    }

    /** One thread's calls: routes and releases of its own conversations, ticks and presence churn. */
    private static Outcome work(Router router, int thread) {
        SplittableRandom random = new SplittableRandom(7_000 + thread);
        List<String> open = new ArrayList<>();
        Set<String> released = new HashSet<>();
        int routed = 0;
        for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
            int choice = random.nextInt(100);
            String id = null;
            try {
                if (choice < 6) {
                    router.setPresence(owner(random.nextInt(OWNERS)), CHURN.get(random.nextInt(CHURN.size())));
                } else if (choice < 7) {
                    router.tick();
                } else if (open.isEmpty() || (choice < 54 && open.size() < OPEN_PER_THREAD)) {
                    id = "t" + thread + "-" + routed++;
                    open.add(id);
                    router.route(Conversation.builder(id).customer("customer-" + random.nextInt(1_000))
                            .channel(random.nextInt(3) == 0 ? "email" : "chat").createdAt(T0).build());
                } else {
                    id = open.remove(random.nextInt(open.size()));
                    released.add(id);
                    router.release(id);
                }
            } catch (IllegalStateException | IllegalArgumentException lostARace) {
                if (id != null) { // what the call did before it was refused is read back
                    boolean placed = router.placement(id).isPresent();
                    if (placed && released.remove(id)) {
                        open.add(id);
                    } else if (!placed && open.remove(id)) {
                        released.add(id);
                    }
                }
            }
        }
        return new Outcome(open, released, OPERATIONS_PER_THREAD);
    }
}

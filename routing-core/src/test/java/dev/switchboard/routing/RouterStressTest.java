package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several threads route, release, transfer, claim, link customers' identities and change presence and capacity at
 * once. A listener replays the events, which arrive in state-change order, into a shadow model and checks every
 * assignment against the capacity in force at that moment; at the end the shadow model, the router's snapshot and the
 * threads' own bookkeeping agree. Each thread has its own customers, so that it knows which of its conversations
 * joined which.
 */
class RouterStressTest {

    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 50_000;
    private static final Presence[] PRESENCES = {
        Presence.ONLINE, Presence.ONLINE, Presence.ONLINE, Presence.BUSY, Presence.AWAY, Presence.OFFLINE
    };
    private static final int OWNERS = 12;
    private static final int CUSTOMERS_PER_THREAD = 500;

    /**
     * With one conversation per customer, routes take the exclusive lock; without it, routes and releases run on the
     * shared path, where the listener's events must still come in each owner's order.
     */
    @ParameterizedTest(name = "one conversation per customer: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void capacityHoldsAndNothingIsLost_underConcurrentOperations(boolean perCustomer) throws Exception {
        ShadowModel shadow = new ShadowModel();
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START))
                .chain(TestStrategies.typeToQueue("complaint", "review"), TestStrategies.firstAvailable())
                .queue("review", Duration.ofMinutes(30)).fallbackQueue("waiting", Duration.ofMinutes(10))
                .oneConversationPerCustomer(perCustomer).listener(shadow);
        for (int i = 0; i < OWNERS; i++) {
            Owner owner = Owner.agent("o" + i).capacity(3 + i % 4).channelCapacity("phone", 1).build();
            builder.owner(owner);
            shadow.capacities.put(owner.id(), owner.capacity());
        }
        Router router = builder.build();
        Map<String, Boolean> open = new ConcurrentHashMap<>();

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                return work(router, thread, open);
            }));
        }
        int operations = 0;
        for (Future<Integer> worker : workers) {
            operations += worker.get();
        }
        pool.shutdown();

        assertThat(operations).isGreaterThanOrEqualTo(200_000);
        long joined = router.stats().joined();
        if (perCustomer) {
            assertThat(joined).as("conversations joined").isPositive();
        } else {
            assertThat(joined).as("conversations joined").isZero();
        }
        assertThat(shadow.violations).isEmpty();
        List<OwnerStatus> roster = router.roster();
        Invariants.everyOpenConversationIsInExactlyOnePlace(roster, router.waiting(), open.keySet());
        for (OwnerStatus status : roster) {
            assertThat(shadow.holdings.getOrDefault(status.owner().id(), Set.of()))
                    .as("events replayed for %s", status.owner().id())
                    .containsExactlyInAnyOrderElementsOf(status.conversationIds());
        }
    }

    /**
     * One thread's share: its own conversation ids and customers, so its bookkeeping of what is open, and of which
     * ids joined which conversation, is exact.
     */
    private static int work(Router router, int thread, Map<String, Boolean> open) {
        SplittableRandom random = new SplittableRandom(42 + thread);
        List<String> mine = new ArrayList<>();
        Map<String, List<String>> joinedInto = new HashMap<>();
        int next = 0;
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            String owner = "o" + random.nextInt(OWNERS);
            int dice = random.nextInt(100);
            if (dice < 38 || mine.isEmpty()) {
                String id = "t" + thread + "-" + next++;
                Decision decision = router.route(Conversation.builder(id).customer(customer(thread, random))
                        .channel(random.nextInt(4) == 0 ? "phone" : "chat")
                        .type(random.nextInt(10) == 0 ? "complaint" : "general")
                        .priority(Priority.values()[random.nextInt(4)])
                        .createdAt(TestStrategies.START).build());
                if (decision instanceof Decision.Joined joined) {
                    joinedInto.computeIfAbsent(joined.joinedConversationId(), key -> new ArrayList<>()).add(id);
                } else {
                    mine.add(id);
                    open.put(id, Boolean.TRUE);
                }
            } else if (dice < 77) {
                String id = mine.remove(random.nextInt(mine.size()));
                List<String> aliases = joinedInto.remove(id);
                router.release(aliases != null && random.nextBoolean() ? aliases.get(0) : id);
                open.remove(id);
            } else if (dice < 78) {
                router.link(customer(thread, random), customer(thread, random));
                forgetMerged(router, mine, joinedInto, open);
            } else if (dice < 84) {
                try {
                    router.transfer(mine.get(random.nextInt(mine.size())), owner, new Handoff("s", "", "n"));
                } catch (IllegalArgumentException | IllegalStateException refused) {
                    // waiting, same owner, or no room right now
                }
            } else if (dice < 88) {
                router.claim(owner, mine.get(random.nextInt(mine.size())));
            } else if (dice < 95) {
                router.setPresence(owner, PRESENCES[random.nextInt(PRESENCES.length)]);
            } else {
                router.setCapacity(owner, Capacity.of(1 + random.nextInt(8)).withChannel("phone", random.nextInt(3)));
            }
        }
        return OPERATIONS_PER_THREAD;
    }

    private static String customer(int thread, SplittableRandom random) {
        return "customer-" + thread + "-" + random.nextInt(CUSTOMERS_PER_THREAD);
    }

    /** After a link, those of the thread's conversations that were merged into another are names of that one. */
    private static void forgetMerged(Router router, List<String> mine, Map<String, List<String>> joinedInto,
            Map<String, Boolean> open) {
        for (String id : List.copyOf(mine)) {
            String kept = router.placement(id).orElseThrow().conversation().id();
            if (!kept.equals(id)) {
                mine.remove(id);
                open.remove(id);
                List<String> names = joinedInto.computeIfAbsent(kept, key -> new ArrayList<>());
                names.add(id);
                names.addAll(joinedInto.getOrDefault(id, List.of()));
                joinedInto.remove(id);
            }
        }
    }

    /** Rebuilds who holds what from the events alone and checks each assignment against capacity. */
    private static final class ShadowModel implements RoutingListener {
        final Map<String, Capacity> capacities = new HashMap<>();
        final Map<String, Set<String>> holdings = new HashMap<>();
        final Map<String, Map<String, Integer>> channelLoads = new HashMap<>();
        final List<String> violations = new ArrayList<>();

        @Override
        public void onEvent(RoutingEvent event) {
            if (event instanceof RoutingEvent.Assigned assigned) {
                take(assigned.ownerId(), assigned.conversation());
            } else if (event instanceof RoutingEvent.Transferred transferred) {
                drop(transferred.fromOwnerId(), transferred.conversation());
                take(transferred.toOwnerId(), transferred.conversation());
            } else if (event instanceof RoutingEvent.Rerouted rerouted) {
                drop(rerouted.fromOwnerId(), rerouted.conversation());
            } else if (event instanceof RoutingEvent.Released released && capacities.containsKey(released.from())) {
                drop(released.from(), released.conversation());
            } else if (event instanceof RoutingEvent.Joined joined && capacities.containsKey(joined.from())) {
                drop(joined.from(), joined.conversation());
            } else if (event instanceof RoutingEvent.CapacityChanged changed) {
                capacities.put(changed.ownerId(), changed.to());
            }
        }

        private void take(String owner, Conversation conversation) {
            Set<String> held = holdings.computeIfAbsent(owner, key -> new HashSet<>());
            if (!held.add(conversation.id())) {
                violations.add(owner + " was given " + conversation.id() + " twice");
            }
            int onChannel = channelLoads.computeIfAbsent(owner, key -> new HashMap<>())
                    .merge(conversation.channel(), 1, Integer::sum);
            Capacity capacity = capacities.get(owner);
            if (held.size() > capacity.total() || onChannel > capacity.limitOn(conversation.channel())) {
                violations.add(owner + " got " + conversation.id() + " beyond " + capacity);
            }
        }

        private void drop(String owner, Conversation conversation) {
            if (!holdings.getOrDefault(owner, Set.of()).remove(conversation.id())) {
                violations.add(owner + " lost " + conversation.id() + " it did not hold");
            }
            channelLoads.get(owner).merge(conversation.channel(), -1, Integer::sum);
        }
    }
}

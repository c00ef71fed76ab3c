package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A router with no listeners, no identity linking and no response deadlines routes and releases under its shared lock,
 * on several threads at once, committing each decision atomically per owner (see {@link dev.switchboard.routing.state.LiveView#commit}). These
 * tests hammer that path: capacity holds in every snapshot taken meanwhile, nothing is lost, and a rotation's cursor
 * stays exact however the threads interleave.
 */
class RouterConcurrencyTest {

    private static final int THREADS = 4;
    private static final int OWNERS = 10;
    private static final Presence[] PRESENCES = {Presence.ONLINE, Presence.ONLINE, Presence.BUSY, Presence.AWAY};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void capacityHoldsInEverySnapshot_andNothingIsLost_whileThreadsRouteAndReleaseAtOnce() throws Exception {
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START))
                .chain(TestStrategies.typeToQueue("complaint", "review"), TestStrategies.rotation())
                .queue("review", Duration.ofMinutes(30)).fallbackQueue("waiting", Duration.ofMinutes(10));
        for (int i = 0; i < OWNERS; i++) {
            builder.owner(Owner.agent("o" + i).capacity(2 + i % 3).channelCapacity("phone", 1).build());
        }
        Router router = builder.build();
        Map<String, Boolean> open = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        Future<Integer> checker = pool.submit(() -> {
            int snapshots = 0;
            while (running.get()) {
                for (OwnerStatus status : router.roster()) {
                    check(status, violations);
                }
                snapshots++;
            }
            return snapshots;
        });
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                work(router, thread, open);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        running.set(false);
        int snapshots = checker.get();
        pool.shutdown();

        assertThat(snapshots).as("snapshots taken while the threads ran").isPositive();
        assertThat(violations).isEmpty();
        List<OwnerStatus> roster = router.roster();
        roster.forEach(status -> check(status, violations));
        assertThat(violations).isEmpty();
        Invariants.everyOpenConversationIsInExactlyOnePlace(roster, router.waiting(), open.keySet());
        RouterStats stats = router.stats();
        assertThat(stats.assigned()).as("assigned").isPositive();
        assertThat(stats.queued()).as("queued").isPositive();
    }

    /** Every owner's load is its conversations, within its total and its phone limit. */
    private static void check(OwnerStatus status, List<String> violations) {
        Capacity capacity = status.owner().capacity();
        if (status.load() != status.conversationIds().size() || status.load() > capacity.total()
                || status.loadByChannel().getOrDefault("phone", 0) > capacity.limitOn("phone")) {
            violations.add(status.owner().id() + " holds " + status.loadByChannel() + " = " + status.load()
                    + " against " + capacity);
        }
    }

    private static void work(Router router, int thread, Map<String, Boolean> open) {
        SplittableRandom random = new SplittableRandom(7 + thread);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            int dice = random.nextInt(100);
            String owner = "o" + random.nextInt(OWNERS);
            if (dice < 45 || mine.isEmpty()) {
                String id = "t" + thread + "-" + i;
                router.route(Conversation.builder(id).customer("c" + random.nextInt(1_000))
                        .channel(random.nextInt(4) == 0 ? "phone" : "chat")
                        .type(random.nextInt(20) == 0 ? "complaint" : "general")
                        .createdAt(TestStrategies.START).build());
                mine.add(id);
                open.put(id, Boolean.TRUE);
            } else if (dice < 90) {
                String id = mine.remove(random.nextInt(mine.size()));
                router.release(id);
                open.remove(id);
            } else if (dice < 95) {
                router.claim(owner, mine.get(random.nextInt(mine.size())));
            } else {
                router.setPresence(owner, PRESENCES[random.nextInt(PRESENCES.length)]);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRotationStaysExact_whenThreadsRouteAtOnce() throws Exception {
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START))
                .chain(TestStrategies.rotation()).fallbackQueue("waiting", Duration.ofMinutes(10));
        for (int i = 0; i < OWNERS; i++) {
            builder.owner(Owner.agent("o" + i).capacity(1_000).build());
        }
        Router router = builder.build();
        int perThread = 20_000;
        Map<String, Integer> given = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                start.await();
                Map<String, Integer> mine = new HashMap<>();
                for (int i = 0; i < perThread; i++) {
                    String id = "t" + thread + "-" + i;
                    Decision decision = router.route(Conversation.builder(id).customer("c" + i).channel("chat")
                            .createdAt(TestStrategies.START).build());
                    mine.merge(((Decision.Assigned) decision).ownerId(), 1, Integer::sum);
                    router.release(id);
                }
                mine.forEach((owner, count) -> given.merge(owner, count, Integer::sum));
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        int total = THREADS * perThread;
        assertThat(given).hasSize(OWNERS);
        assertThat(given.values()).as("each owner's turns out of %d", total)
                .allSatisfy(count -> assertThat(count).isBetween(total / OWNERS, total / OWNERS + 1));
        assertThat(router.roster()).allSatisfy(status -> assertThat(status.load()).isZero());
    }
}

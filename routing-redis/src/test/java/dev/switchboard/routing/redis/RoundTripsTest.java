package dev.switchboard.routing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a route and a release cost a router on Redis, counted by the server itself ({@code INFO commandstats}): on
 * one instance, with its near-cache fresh, a route is one script (the commit) and a release is one script, each
 * reading its owner's hash once and listing the changes it made without a search, however many threads route at
 * once; and a tick asks about each SLA breach once, not at every tick while the conversation waits, and reads the
 * owners that changed since the last, not the whole roster.
 */
class RoundTripsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** A round-robin router on the store, its owners online with this capacity, and one queue with this SLA. */
    private static Router roundRobin(RedisRoutingStore store, ManualClock clock, Duration sla, int capacity,
            List<String> ownerIds) {
        Router.Builder builder = Router.builder().chain(new RoundRobin()).clock(clock).fallbackQueue("general", sla)
                .liveState(store.liveState());
        ownerIds.forEach(id -> builder.owner(Fixtures.agent(id, capacity), Presence.ONLINE));
        return builder.build();
    }

    /** A round-robin router on ana, ben and cleo with this capacity, which has routed and released one conversation. */
    private static Router warmRoundRobin(RedisRoutingStore store, ManualClock clock, int capacity) {
        Router router = roundRobin(store, clock, Duration.ofHours(1), capacity, List.of("ana", "ben", "cleo"));
        router.release(((Decision.Assigned) router.route(Fixtures.chat("warm-up"))).conversationId());
        return router;
    }

    @Test
    void routeAndReleaseAreTwoScripts_onOneInstanceWithRoundRobin() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            Router router = warmRoundRobin(store, clock, 2);

            long before = REDIS.scriptCalls();
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Conversation conversation = Fixtures.chat("c" + i);
                owners.add(((Decision.Assigned) router.route(conversation)).ownerId());
                router.release(conversation.id());
            }

            assertThat(REDIS.scriptCalls() - before).isEqualTo(2 * 30);
            assertThat(owners.subList(0, 6)).containsExactly("ben", "cleo", "ana", "ben", "cleo", "ana");
            assertThat(router.stats().retried()).isZero();
        }
    }

    @Test
    void threadsOfOneInstance_decideOneAtATime_soNoCommitIsRefusedAndMadeAgain() throws Exception {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            int threads = 4;
            int cycles = 50;
            Router router = warmRoundRobin(store, clock, threads);

            long before = REDIS.scriptCalls();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < cycles; i++) {
                        Conversation conversation = Fixtures.chat("t" + thread + "-" + i);
                        assertThat(router.route(conversation)).isInstanceOf(Decision.Assigned.class);
                        router.release(conversation.id());
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            // a rotation's commits read the same cursor: made at once, all but one would be refused
            assertThat(router.stats().retried()).isZero();
            assertThat(REDIS.scriptCalls() - before).isEqualTo(2L * threads * cycles);
        }
    }

    @Test
    void aCycleOnAFreshCache_readsItsOwnerOnceAScript_andSearchesNoChangedOwners() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            Router router = warmRoundRobin(store, clock, 2);
            int cycles = 30;

            long searchesBefore = REDIS.calls("zrangebyscore");
            long readsBefore = REDIS.calls("hmget");
            for (int i = 0; i < cycles; i++) {
                Conversation conversation = Fixtures.chat("c" + i);
                router.route(conversation);
                router.release(conversation.id());
            }

            // the cache held the version before each script, so what changed since is what the script changed
            assertThat(REDIS.calls("zrangebyscore") - searchesBefore).isZero();
            // the commit: the owner's fields once, the customer's primary owner, the tenant's version; the release:
            // the owner's fields once, the tenant's version
            assertThat(REDIS.calls("hmget") - readsBefore).isEqualTo(5L * cycles);
        }
    }

    @Test
    void aTickAsksAboutABreachOnce_notAgainWhileTheConversationWaits() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            Router router = roundRobin(store, clock, Duration.ofMinutes(5), 1, List.of("ana"));
            int waiting = 4;
            for (int i = 0; i <= waiting; i++) {
                router.route(Fixtures.chat("c" + i)); // the first is ana's, the others wait
            }
            clock.advance(Duration.ofMinutes(6));
            router.tick(); // refreshes the near-cache once the clock moved; reports the breaches

            long[] ticks = new long[3];
            for (int i = 0; i < ticks.length; i++) {
                long before = REDIS.scriptCalls();
                router.tick();
                ticks[i] = REDIS.scriptCalls() - before;
            }

            assertThat(router.stats().slaBreached()).isEqualTo(waiting);
            assertThat(ticks[1]).isEqualTo(ticks[0]).isEqualTo(ticks[2]);
            // offline owners, deadlines and offers due, the waiting; then each waiting one read by the drain (its check
            // that the conversation still waits answered by that read), and the drain's end: no question about a
            // breach reported already
            assertThat(ticks[0]).isEqualTo(4 + waiting + 1);
        }
    }

    @Test
    void aTickReadsTheOwnersThatChanged_notTheWholeRoster() {
        ManualClock clock = new ManualClock(Fixtures.T0);
        try (RedisRoutingStore store = REDIS.builder(REDIS.newTenant()).nearCacheClock(clock).build()) {
            int owners = 200;
            Router router = roundRobin(store, clock, Duration.ofHours(1), 1,
                    IntStream.range(0, owners).mapToObj(i -> "agent-" + i).toList());
            router.tick();
            router.setPresence("agent-7", Presence.OFFLINE);

            long before = REDIS.calls("hgetall");
            router.tick();
            long read = REDIS.calls("hgetall") - before;

            assertThat(read).as("owner hashes a tick read, of %d", owners).isLessThanOrEqualTo(2);
            assertThat(router.ownerStatus("agent-7").presence()).isEqualTo(Presence.OFFLINE);
        }
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.holdingDecisionOf;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A recorder no longer takes every route and release onto the exclusive lock: decisions run at once on several
 * threads, and they commit one at a time, each only if nothing changed since it decided, so that the recording,
 * replayed call by call on a fresh router, makes the same decisions and publishes the same events.
 */
class RouterRecordedSharedPathTest {

    private static final int THREADS = 4;
    private static final int CYCLES = 400;
    /** Conversations a thread keeps open at most: more than the owners' room, so that some wait and are drained. */
    private static final int OPEN_PER_THREAD = 1;

    private final List<RoutingEvent> recorded = Collections.synchronizedList(new ArrayList<>());

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRouteAndARelease_runToTheirEndWhileAnotherRouteDecides_andTheRecordingReplays() throws Exception {
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        ManualClock clock = new ManualClock(START);
        Supplier<Router.Builder> settings = () -> Router.builder()
                .chain(holdingDecisionOf("held", deciding, letGo), firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).owner(agent("ana", 2));
        Router router = settings.get().clock(clock).recorder(recorded::add).build();
        TestStrategies.aRouteAndAReleaseWhileAnotherRouteDecides(router, deciding, letGo);

        assertThat(inputs()).containsExactly("route quick", "release quick", "route held", "release held");
        assertThat(replayed(settings.get())).isEqualTo(published());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void routesAndReleasesOnSeveralThreadsWithTheClockMoving_replayToTheSameEvents() throws Exception {
        ManualClock clock = new ManualClock(START);
        Supplier<Router.Builder> settings = () -> Router.builder().chain(leastLoaded(), rotation())
                .fallbackQueue("waiting", Duration.ofMinutes(10))
                .owner(agent("ana", 2)).owner(agent("ben", 1)).owner(agent("cy", 1)).owner(agent("dee", 2));
        Router router = settings.get().clock(clock).recorder(recorded::add).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS); // threads of their own, all at once
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int t = thread;
            threads.add(CompletableFuture.runAsync(() -> {
                TestStrategies.await(start);
                Deque<String> open = new ArrayDeque<>();
                for (int i = 0; i < CYCLES; i++) {
                    if ((i + t) % 7 == 0) {
                        clock.advance(Duration.ofMillis(1));
                    }
                    String id = "t" + t + "-" + i;
                    router.route(Conversation.builder(id).customer("customer-" + t).channel("chat")
                            .createdAt(START).build());
                    open.add(id);
                    if (open.size() > OPEN_PER_THREAD) {
                        router.release(open.poll());
                    }
                }
                open.forEach(router::release);
            }, pool));
        }
        start.countDown();
        try {
            CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        List<RoutingEvent> published = published();
        assertThat(replayed(settings.get())).isEqualTo(published);
        assertThat(published).filteredOn(RoutingEvent.Queued.class::isInstance).isNotEmpty();
        assertThat(router.roster()).allSatisfy(status -> assertThat(status.load()).isZero());
    }

    /**
     * Picks the owner with the fewest conversations among those with room (the first of them in roster order), for
     * conversations of even hash: a decision that reads every owner's load, so one made beside another thread's
     * commit or release differs from the one a replay makes unless it commits only when nothing moved.
     */
    private static Strategy leastLoaded() {
        return TestStrategies.strategy("least-loaded", (conversation, view) -> {
            if (conversation.id().hashCode() % 2 != 0) {
                return Verdict.pass(PassReason.NOT_APPLICABLE, "odd");
            }
            List<Candidate> candidates = view.candidates();
            Thread.yield(); // widens the window between what the decision read and its commit
            Candidate best = null;
            for (Candidate candidate : candidates) {
                if (candidate.canTake(BusyPolicy.EXCLUDE) && (best == null || candidate.load() < best.load())) {
                    best = candidate;
                }
            }
            return best == null ? Verdict.pass(PassReason.NO_CAPACITY, "nobody has room")
                    : Verdict.assign(best, "fewest conversations");
        });
    }

    /** The events the recorder was given, inputs aside, in their order. */
    private List<RoutingEvent> published() {
        synchronized (recorded) {
            return recorded.stream().filter(event -> !(event instanceof RoutingEvent.Input)).toList();
        }
    }

    private List<String> inputs() {
        synchronized (recorded) {
            return recorded.stream().filter(RoutingEvent.Input.class::isInstance)
                    .map(event -> ((RoutingEvent.Input) event).input())
                    .filter(input -> !(input instanceof RouterInput.Roster))
                    .map(input -> input instanceof RouterInput.Route route ? "route " + route.conversation().id()
                            : "release " + ((RouterInput.Release) input).conversationId())
                    .toList();
        }
    }

    /** What a fresh router built with {@code settings} publishes given the recorded calls one by one. */
    private List<RoutingEvent> replayed(Router.Builder settings) {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        Router replay = settings.clock(clock).listener(events::add).build();
        List<RoutingEvent> inputs;
        synchronized (recorded) {
            inputs = recorded.stream().filter(RoutingEvent.Input.class::isInstance).toList();
        }
        for (RoutingEvent event : inputs) {
            RoutingEvent.Input input = (RoutingEvent.Input) event;
            if (!(input.input() instanceof RouterInput.Roster)) {
                clock.set(input.at());
                input.input().applyTo(replay);
            }
        }
        return events;
    }
}

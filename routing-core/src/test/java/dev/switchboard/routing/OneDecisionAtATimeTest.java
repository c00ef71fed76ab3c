package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A store that asks for its decisions one at a time ({@link LiveState#decidesOneAtATime}) gets them so on the router's
 * shared path: threads routing at once never decide at the same moment, and their releases still run; a decision
 * that hangs holds the others back only for a short wait.
 */
class OneDecisionAtATimeTest {

    private static final int THREADS = 4;
    private static final int ROUTES = 300;

    /** The embedded store, as a store that decides one at a time (every other call passed through). */
    private static final LiveStateFactory ONE_AT_A_TIME = StoreProxy.of((store, method, args) ->
            method.getName().equals("decidesOneAtATime") ? Boolean.TRUE : StoreProxy.pass(store, method, args));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void threadsRoutingAtOnce_neverDecideAtTheSameMoment() throws Exception {
        AtomicInteger deciding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Strategy rotation = TestStrategies.rotation();
        Strategy counted = TestStrategies.strategy(rotation.name(), (conversation, view) -> {
            mostAtOnce.accumulateAndGet(deciding.incrementAndGet(), Math::max);
            try {
                long until = System.nanoTime() + 20_000; // long enough for other threads to arrive meanwhile
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return rotation.decide(conversation, view);
            } finally {
                deciding.decrementAndGet();
            }
        });
        Router.Builder builder = Router.builder().clock(new ManualClock(TestStrategies.START)).chain(counted)
                .fallbackQueue("waiting", Duration.ofMinutes(10)).liveState(ONE_AT_A_TIME);
        for (int i = 0; i < 8; i++) {
            builder.owner(Owner.agent("o" + i).capacity(THREADS).build());
        }
        Router router = builder.build();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Integer>> assigned = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            assigned.add(pool.submit(() -> {
                start.await();
                int count = 0;
                for (int i = 0; i < ROUTES; i++) {
                    Conversation conversation = TestStrategies.conversation("t" + thread + "-" + i).build();
                    if (router.route(conversation) instanceof Decision.Assigned) {
                        count++;
                    }
                    router.release(conversation.id());
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> each : assigned) {
            total += each.get();
        }
        pool.shutdown();

        assertThat(total).isEqualTo(THREADS * ROUTES);
        assertThat(mostAtOnce.get()).as("decisions made at the same moment").isEqualTo(1);
        assertThat(router.stats().retried()).isZero();
        assertThat(router.roster()).allSatisfy(status -> assertThat(status.load()).isZero());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDecisionThatHangs_holdsTheOthersBackOnlyBriefly_thenTheyDecideAtOnce() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        Strategy rotation = TestStrategies.rotation();
        Strategy hangsOnce = TestStrategies.strategy(rotation.name(), (conversation, view) -> {
            if (conversation.id().equals("hangs")) { // as a decision whose store call never answers
                hung.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rotation.decide(conversation, view);
        });
        Router router = Router.builder().clock(new ManualClock(TestStrategies.START)).chain(hangsOnce)
                .fallbackQueue("waiting", Duration.ofMinutes(10)).liveState(ONE_AT_A_TIME)
                .owner(Owner.agent("o1").capacity(2).build()).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Decision> hanging = pool.submit(() -> router.route(TestStrategies.conversation("hangs").build()));
            hung.await();

            Decision other = router.route(TestStrategies.conversation("other").build()); // waits out its turn

            assertThat(other).isInstanceOf(Decision.Assigned.class);
            assertThat(hanging).isNotDone();
            resume.countDown();
            assertThat(hanging.get()).isInstanceOf(Decision.Assigned.class);
        } finally {
            resume.countDown();
            pool.shutdown();
        }
    }
}

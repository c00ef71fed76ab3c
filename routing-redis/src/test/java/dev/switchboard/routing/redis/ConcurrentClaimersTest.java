package dev.switchboard.routing.redis;

import static dev.switchboard.routing.redis.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several instances tick at once, each claiming due timers: every timer fires once, and none before it is due. */
class ConcurrentClaimersTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int TIMERS = 10_000;
    private static final int LATE = 100;
    private static final int CLAIMERS = 4;
    private static final int SECONDS = 600;

    @Test
    void everyDueTimerFiresOnce_earliestFirst_andNoneEarly() throws Exception {
        List<RedisRoutingStore> stores = List.of(REDIS.store("claimers"), REDIS.store("claimers"));
        try {
            RedisRoutingStore setup = stores.get(0);
            SplittableRandom random = new SplittableRandom(11);
            TimerKind[] kinds = TimerKind.values();
            for (int i = 0; i < TIMERS; i++) {
                setup.schedule(kinds[i % kinds.length], "s" + i, T0.plusMillis(random.nextInt(SECONDS * 1000)));
            }
            for (int i = 0; i < LATE; i++) {
                setup.schedule(TimerKind.SLA_BREACH, "late" + i, T0.plusSeconds(SECONDS + 1));
            }

            CyclicBarrier sameSecond = new CyclicBarrier(CLAIMERS);
            List<List<DueTimer>> claimed = Workers.run(CLAIMERS, claimer -> {
                RedisRoutingStore store = stores.get(claimer % stores.size());
                List<DueTimer> mine = new ArrayList<>();
                for (int second = 0; second <= SECONDS; second++) { // each instance ticks once a second
                    await(sameSecond); // on one clock: no claimer is a lease ahead of one that has not cancelled yet
                    Instant now = T0.plusSeconds(second);
                    List<DueTimer> batch;
                    do {
                        batch = store.claimDue(now, 20);
                        assertThat(batch).allSatisfy(timer -> assertThat(timer.due()).isBeforeOrEqualTo(now))
                                .isSortedAccordingTo(Comparator.comparing(DueTimer::due));
                        mine.addAll(batch);
                        batch.forEach(timer -> store.cancel(timer.kind(), timer.subject())); // ran: its lease ends
                    } while (batch.size() == 20);
                }
                return mine;
            });

            Set<String> fired = new HashSet<>();
            for (List<DueTimer> mine : claimed) {
                for (DueTimer timer : mine) {
                    assertThat(fired.add(timer.kind() + ":" + timer.subject())).as("%s fired twice", timer).isTrue();
                }
            }
            assertThat(fired).hasSize(TIMERS).noneMatch(name -> name.contains("late"));
            assertThat(setup.claimDue(T0.plusSeconds(SECONDS + 1), LATE + 1)).hasSize(LATE);
        } finally {
            stores.forEach(RedisRoutingStore::close);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the claimers lost their common clock", e);
        }
    }
}

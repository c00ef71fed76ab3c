package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.await;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RouterRetryTest {

    /**
     * Two threads route at once under the shared lock: the first decides, then waits inside its strategy until the
     * second has decided and committed, moving the rotation's cursor; the first one's commit is refused and it decides
     * again.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard: a serialised route deadlocks here
    void aDecisionWhoseCursorMovedBeforeItCommitted_isRetried_andCounted() throws InterruptedException {
        CountDownLatch firstDecided = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        AtomicBoolean firstHeld = new AtomicBoolean();
        Strategy rotation = TestStrategies.rotation();
        Thread[] first = new Thread[1];
        Strategy slowFirstTime = strategy("rotation", (conversation, view) -> {
            Verdict verdict = rotation.decide(conversation, view);
            if (Thread.currentThread() == first[0] && firstHeld.compareAndSet(false, true)) {
                firstDecided.countDown();
                await(secondCommitted);
            }
            return verdict;
        });
        Router router = Router.builder().owner(agent("ana", 5)).owner(agent("ben", 5)).chain(slowFirstTime)
                .fallbackQueue("waiting", Duration.ofMinutes(5)).build();
        first[0] = new Thread(() -> router.route(conversation("c1").build()));

        first[0].start();
        await(firstDecided);
        Decision second = router.route(conversation("c2").build());
        secondCommitted.countDown();
        first[0].join();

        assertThat(second).isInstanceOfSatisfying(Decision.Assigned.class,
                assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
        assertThat(router.placement("c1")).hasValueSatisfying(placement -> assertThat(placement)
                .isEqualTo(new Placement.Owned(placement.conversation(), "ben")));
        assertThat(router.stats().retried()).isEqualTo(1);
        assertThat(router.stats().assigned()).isEqualTo(2);
    }
}

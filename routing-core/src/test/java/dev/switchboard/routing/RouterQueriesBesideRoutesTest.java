package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.holdingDecisionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries do not take the router's lock exclusively: a dashboard polling the roster, a conversation's place, the
 * queues or the statistics is answered while a route is in the middle of deciding on another thread, instead of
 * waiting for it.
 */
class RouterQueriesBesideRoutesTest {

    private final CountDownLatch deciding = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);

    /** A router whose chain holds the decision of c1 until {@link #letGo} opens, after opening {@link #deciding}. */
    private Router router() {
        return Router.builder().clock(new ManualClock(START))
                .chain(holdingDecisionOf("c1", deciding, letGo), firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(10))
                .owner(Owner.agent("ana").capacity(2).build()).build();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyQuery_isAnsweredWhileARouteDecidesOnAnotherThread() throws Exception {
        Router router = router();
        router.route(conversation("c0").build());
        CompletableFuture<Decision> route = CompletableFuture.supplyAsync(() -> router.route(conversation("c1").build()));
        deciding.await();

        assertThat(router.roster()).singleElement().satisfies(status -> assertThat(status.load()).isEqualTo(1));
        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c0");
        assertThat(router.placement("c0")).get().isInstanceOf(Placement.Owned.class);
        assertThat(router.placement("c1")).isEmpty();
        assertThat(router.waiting()).isEmpty();
        assertThat(router.stats().assigned()).isEqualTo(1);
        assertThat(route).as("the route still deciding while the queries were answered").isNotDone();

        letGo.countDown();
        assertThat(route.get()).isInstanceOf(Decision.Assigned.class);
        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c0", "c1");
    }
}

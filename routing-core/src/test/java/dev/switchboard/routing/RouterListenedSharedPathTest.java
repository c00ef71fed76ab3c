package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.holdingDecisionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A listener no longer takes every route and release onto the exclusive lock: while one route is in the middle of
 * deciding, another thread's route and release run to their end, and the listener still gets every event, numbered in
 * the order each owner's state changed.
 */
class RouterListenedSharedPathTest {

    private final CountDownLatch deciding = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);

    /** Keeps every event with its number; called one event at a time. */
    private static final class Kept implements RoutingListener {
        final List<String> events = new ArrayList<>();
        final List<Long> numbers = new ArrayList<>();

        @Override
        public void onEvent(RoutingEvent event) {
            throw new AssertionError("the router calls onEvent(event, sequence)");
        }

        @Override
        public synchronized void onEvent(RoutingEvent event, long sequence) {
            numbers.add(sequence);
            if (event instanceof RoutingEvent.Assigned assigned) {
                events.add(assigned.conversation().id() + " assigned to " + assigned.ownerId());
            } else if (event instanceof RoutingEvent.Released released) {
                events.add(released.conversation().id() + " released by " + released.from());
            }
        }

        synchronized List<String> events() {
            return List.copyOf(events);
        }
    }

    /** A chain that holds the decision of "held" until {@link #letGo} opens, after opening {@link #deciding}. */
    private Router.Builder builder() {
        return Router.builder().clock(new ManualClock(START))
                .chain(holdingDecisionOf("held", deciding, letGo), firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(10)).owner(Owner.agent("ana").capacity(2).build());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRouteAndARelease_runToTheirEndWhileAnotherRouteDecides_andTheListenerGetsEveryEventInOrder()
            throws Exception {
        Kept kept = new Kept();
        Router router = builder().listener(kept).build();
        TestStrategies.aRouteAndAReleaseWhileAnotherRouteDecides(router, deciding, letGo);

        assertThat(kept.events()).containsExactly("quick assigned to ana", "quick released by ana",
                "held assigned to ana", "held released by ana");
        assertThat(kept.numbers).isSorted().doesNotHaveDuplicates();
    }
}

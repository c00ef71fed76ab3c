package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The dispatcher's queue of pending events: numbered, delivered in order, each once, none lost. */
class EventDispatcherTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    /** Records each event's owner and number, as the listener got them. */
    private static final class Seen implements RoutingListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onEvent(RoutingEvent event) {
            throw new AssertionError("the dispatcher gives every event its number");
        }

        @Override
        public synchronized void onEvent(RoutingEvent event, long sequence) {
            events.add(((RoutingEvent.PresenceChanged) event).ownerId() + "#" + sequence);
        }
    }

    private static RoutingEvent event(int i) {
        return new RoutingEvent.PresenceChanged(AT, "o" + i, Presence.OFFLINE, Presence.ONLINE);
    }

    @Test
    void deliversEveryPendingEventInOrder_withItsNumber_howeverManyWerePublishedBeforeDelivery() {
        Seen seen = new Seen();
        EventDispatcher dispatcher = new EventDispatcher(List.of(seen), List.of());
        int rounds = 3;
        for (int round = 0; round < rounds; round++) { // the ring grows, then wraps around
            for (int i = 0; i < 1_000; i++) {
                dispatcher.publish(event(i));
            }
            dispatcher.deliverPending();
        }

        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < rounds * 1_000; i++) {
            numbered.add("o" + (i % 1_000) + "#" + (i + 1));
        }
        assertThat(seen.events).containsExactlyElementsOf(numbered);
    }

    @Test
    void eventsPublishedOnSeveralThreads_areEachDeliveredOnce_inTheOrderOfTheirNumbers() throws InterruptedException {
        Seen seen = new Seen();
        EventDispatcher dispatcher = new EventDispatcher(List.of(), List.of(seen));
        int threads = 4;
        int each = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread publisher = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    dispatcher.publish(event(i));
                    dispatcher.deliverPending();
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        start.countDown();
        for (Thread publisher : publishers) {
            publisher.join();
        }
        dispatcher.deliverPending();

        assertThat(seen.events).hasSize(threads * each);
        for (int i = 0; i < seen.events.size(); i++) {
            assertThat(seen.events.get(i)).endsWith("#" + (i + 1));
        }
    }
}

package dev.switchboard.routing.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.TestStrategies;
import dev.switchboard.routing.event.AsyncListener.WhenFull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncListenerTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<RoutingEvent> delivered = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static RoutingEvent event(int number) {
        return new RoutingEvent.PresenceChanged(START.plusSeconds(number), "agent-" + number, Presence.ONLINE,
                Presence.AWAY);
    }

    private static List<RoutingEvent> events(int from, int to) {
        return IntStream.range(from, to).mapToObj(AsyncListenerTest::event).toList();
    }

    /** A listener that blocks on its first event until released, then records every event. */
    private final class Blocked implements RoutingListener {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onEvent(RoutingEvent event) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(event);
        }
    }

    @Test
    void deliversEveryEvent_inOrder_onTheExecutor() throws InterruptedException {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(5_000);
        AsyncListener listener = AsyncListener.wrap(event -> {
            threads.add(Thread.currentThread().getName());
            delivered.add(event);
            all.countDown();
        }, executor, 64, WhenFull.waitUpTo(Duration.ofMinutes(1)));
        String caller = Thread.currentThread().getName();

        events(0, 5_000).forEach(listener::onEvent);
        all.await();
        listener.close();

        assertThat(delivered).containsExactlyElementsOf(events(0, 5_000));
        assertThat(listener.dropped()).isZero();
        assertThat(threads).doesNotContain(caller).hasSize(5_000);
    }

    @Test
    void aFullQueue_dropsAndCounts_withoutWaiting_whenToldToDropAtOnce() throws InterruptedException {
        Blocked slow = new Blocked();
        AsyncListener listener = AsyncListener.wrap(slow, executor, 4, WhenFull.dropAtOnce());
        listener.onEvent(event(0));
        slow.started.await();                       // event 0 is being delivered, the queue is empty

        events(1, 1_000).forEach(listener::onEvent); // returns although the listener is stuck

        assertThat(listener.queued()).isEqualTo(4);
        assertThat(listener.dropped()).isEqualTo(995);
        slow.release.countDown();
        listener.close();
        assertThat(delivered).containsExactlyElementsOf(events(0, 5));
    }

    @Test
    void aFullQueue_waitsForRoom_upToTheBound() throws InterruptedException {
        Blocked slow = new Blocked();
        AsyncListener listener = AsyncListener.wrap(slow, executor, 1, WhenFull.waitUpTo(Duration.ofMinutes(5)));
        listener.onEvent(event(0));
        slow.started.await();
        listener.onEvent(event(1));                 // fills the queue
        Thread sender = new Thread(() -> listener.onEvent(event(2)));
        sender.start();
        while (sender.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();                    // event 2 waits for room
        }

        slow.release.countDown();
        sender.join();
        listener.close();

        assertThat(delivered).containsExactlyElementsOf(events(0, 3));
        assertThat(listener.dropped()).isZero();
    }

    @Test
    void aFullQueue_dropsAndCounts_whenTheWaitRunsOut() throws InterruptedException {
        Blocked slow = new Blocked();
        AsyncListener listener = AsyncListener.wrap(slow, executor, 1, WhenFull.waitUpTo(Duration.ofMillis(1)));
        listener.onEvent(event(0));
        slow.started.await();
        listener.onEvent(event(1));

        listener.onEvent(event(2));                 // the listener is stuck until released: no room comes

        assertThat(listener.dropped()).isEqualTo(1);
        slow.release.countDown();
        listener.close();
        assertThat(delivered).containsExactlyElementsOf(events(0, 2));
    }

    @Test
    void aFailingListener_isCounted_andDeliveryGoesOn() {
        AsyncListener listener = AsyncListener.wrap(event -> {
            if (event.equals(event(2))) {
                throw new IllegalStateException("Slack is down");
            }
            delivered.add(event);
        }, executor, 16, WhenFull.dropAtOnce());

        events(0, 5).forEach(listener::onEvent);
        listener.close();

        assertThat(delivered).containsExactly(event(0), event(1), event(3), event(4));
        assertThat(listener.failed()).isEqualTo(1);
        assertThat(listener.dropped()).isZero();
    }

    @Test
    void close_deliversWhatIsQueued_evenWhenTheExecutorNeverRuns_andLaterEventsAreDropped() {
        List<Runnable> neverRun = new ArrayList<>();
        AsyncListener listener = AsyncListener.wrap(delivered::add, neverRun::add, 16, WhenFull.dropAtOnce());
        events(0, 10).forEach(listener::onEvent);
        assertThat(delivered).isEmpty();
        assertThat(neverRun).hasSize(1);

        listener.close();
        listener.onEvent(event(10));

        assertThat(delivered).containsExactlyElementsOf(events(0, 10));
        assertThat(listener.dropped()).isEqualTo(1);
        neverRun.forEach(Runnable::run);            // the late task finds nothing to deliver
        assertThat(delivered).hasSize(10);
    }

    @Test
    void routingGoesOn_whileTheListenerIsStuck() throws InterruptedException {
        Blocked slow = new Blocked();
        AsyncListener listener = AsyncListener.wrap(slow, executor, 1_000, WhenFull.dropAtOnce());
        Router router = Router.builder().clock(new ManualClock(START)).owner(Owner.agent("ana").capacity(500).build())
                .chain(TestStrategies.firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(5))
                .listener(listener).build();

        for (int i = 0; i < 200; i++) {
            router.route(Conversation.builder("c" + i).customer("k" + i).channel("chat").createdAt(START).build());
        }
        slow.started.await();

        assertThat(router.ownerStatus("ana").load()).isEqualTo(200);
        slow.release.countDown();
        listener.close();
        assertThat(delivered).hasSize(200).allSatisfy(event -> assertThat(event).isInstanceOf(RoutingEvent.Assigned.class));
        assertThat(delivered).extracting(event -> ((RoutingEvent.Assigned) event).conversation().id())
                .containsExactlyElementsOf(IntStream.range(0, 200).mapToObj(i -> "c" + i).toList());
    }

    @Test
    void badArguments_areRefused_withTheField() {
        assertThatThrownBy(() -> AsyncListener.wrap(delivered::add, executor, 0, WhenFull.dropAtOnce()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be at least 1, was 0");
        assertThatThrownBy(() -> WhenFull.waitUpTo(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxWait must not be negative, was PT-1S");
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's clock going backwards (set back by an hour, say): the router logs it once each time, treats it as no
 * time passing, and numbers its events, so that they never come out of time order and a listener can tell their order.
 */
class RouterClockTest {

    /** A host clock that can be set back, as a system clock can. */
    private static final class HostClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public Instant instant() {
            return now.get();
        }

        void set(Instant instant) {
            now.set(instant);
        }
    }

    /** An event as a listener got it. */
    private record Numbered(long sequence, RoutingEvent event) {}

    private final HostClock host = new HostClock();
    private final List<Numbered> heard = new ArrayList<>();
    private final List<Numbered> recorded = new ArrayList<>();

    private static RoutingListener numbering(List<Numbered> into) {
        return new RoutingListener() {
            @Override
            public void onEvent(RoutingEvent event) {
                throw new AssertionError("the router passes each event's number");
            }

            @Override
            public void onEvent(RoutingEvent event, long sequence) {
                into.add(new Numbered(sequence, event));
            }
        };
    }

    private Router.Builder router(Owner... owners) {
        Router.Builder builder = Router.builder().clock(host).chain(firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(15)).listener(numbering(heard))
                .recorder(numbering(recorded));
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder;
    }

    @BeforeEach
    void forgetEarlierLogs() {
        CapturedLogs.clear();
    }

    @Test
    void eventsStayInTimeOrder_withIncreasingNumbers_whenTheClockGoesBack() {
        Router router = router(agent("ana", 1)).build();
        router.route(conversation("c1").build());
        host.set(START.minus(Duration.ofHours(1)));
        router.route(conversation("c2").build());
        router.release("c1");
        host.set(START.plus(Duration.ofMinutes(5)));
        router.release("c2");

        assertThat(heard).extracting(numbered -> numbered.event().at()).isSorted()
                .containsExactly(START, START, START, START, START.plus(Duration.ofMinutes(5)));
        assertThat(heard).extracting(numbered -> numbered.event().getClass().getSimpleName())
                .containsExactly("Assigned", "Queued", "Released", "Assigned", "Released");
        assertThat(heard).extracting(Numbered::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(recorded).extracting(Numbered::sequence)
                .as("recorders get every number, inputs included, in order")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, recorded.size()).boxed().toList());
        assertThat(recorded).filteredOn(numbered -> !(numbered.event() instanceof RoutingEvent.Input))
                .isEqualTo(heard);
    }

    @Test
    void whileTheClockIsBehind_noTimePasses() {
        Router router = router(agent("ana", 0)).build();
        router.route(conversation("c1").build());
        host.set(START.minus(Duration.ofHours(1)));

        Decision later = router.route(conversation("c2").build());

        assertThat(later).isInstanceOfSatisfying(Decision.Queued.class, queued -> assertThat(queued.slaDeadline())
                .isEqualTo(START.plus(Duration.ofMinutes(15))));
        assertThat(router.waiting()).extracting(WaitingConversation::enqueuedAt).containsExactly(START, START);
        assertThat(router.atRisk(Duration.ZERO)).isEmpty();
        host.set(START.plus(Duration.ofMinutes(15)));
        router.tick();
        assertThat(heard).filteredOn(numbered -> numbered.event() instanceof RoutingEvent.SlaBreached).hasSize(2);
    }

    @Test
    void aCapCountsTheRoutersTime_soItOpensOneWindowAfterItsLastAssignment() {
        Router router = router(Owner.agent("ana").capacity(5).assignmentCap(1, Duration.ofMinutes(10)).build())
                .build();
        router.route(conversation("c1").build());
        host.set(START.minus(Duration.ofHours(1)));
        router.route(conversation("c2").build());
        host.set(START.plus(Duration.ofMinutes(10)).minusNanos(1));
        router.tick();
        assertThat(router.placement("c2")).containsInstanceOf(Placement.Waiting.class);

        host.set(START.plus(Duration.ofMinutes(10)));
        router.tick();

        assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1", "c2");
        assertThat(router.ownerStatus("ana").lastAssignedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void aBackwardsClockIsLoggedOnceEachTimeItGoesBack_withoutAStackTrace() {
        Router router = router(agent("ana", 5)).build();
        router.route(conversation("c1").build());

        host.set(START.minus(Duration.ofHours(1)));
        router.route(conversation("c2").build());
        router.tick();
        assertThat(CapturedLogs.lines()).as("the first fall behind").hasSize(1);

        host.set(START.minus(Duration.ofMinutes(30)));
        router.tick();
        assertThat(CapturedLogs.lines()).as("running forward while still behind").hasSize(1);

        host.set(START.minus(Duration.ofMinutes(45)));
        router.tick();
        assertThat(CapturedLogs.lines()).as("going back again while behind").hasSize(2);

        host.set(START.plus(Duration.ofMinutes(1)));
        router.tick();
        host.set(START);
        router.tick();
        assertThat(CapturedLogs.lines()).as("caught up, then back again").hasSize(3).allSatisfy(line -> {
            assertThat(line.message()).startsWith("The clock went back to ").contains("no time passing");
            assertThat(line.thrown()).isNull();
        });
        assertThat(CapturedLogs.lines().get(0).message()).contains(START.minus(Duration.ofHours(1)).toString(),
                START.toString());
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The order in which waiting conversations get capacity: by priority, and with aging, never starving anyone. */
class ServeOrderProperties {

    private static final Duration STEP = Duration.ofMinutes(10);

    record Arrival(int minute, Priority priority, boolean vip) {}

    @Property(tries = 200)
    void withoutAging_higherPriorityIsAlwaysServedFirst_thenVips_thenOlder(@ForAll("arrivals") List<Arrival> arrivals) {
        List<WaitingConversation> order = waitingAfter(arrivals, Router.builder());

        for (int i = 1; i < order.size(); i++) {
            Conversation ahead = order.get(i - 1).conversation();
            Conversation behind = order.get(i).conversation();
            assertThat(ahead.priority()).isGreaterThanOrEqualTo(behind.priority());
            if (ahead.priority() == behind.priority()) {
                assertThat(ahead.vip() || !behind.vip()).isTrue();
                if (ahead.vip() == behind.vip()) {
                    assertThat(ahead.createdAt()).isBeforeOrEqualTo(behind.createdAt());
                }
            }
        }
    }

    @Property(tries = 200)
    void withAging_nothingThatArrivesMoreThanThreeAndAHalfStepsLaterOvertakes(
            @ForAll("arrivals") List<Arrival> arrivals) {
        List<WaitingConversation> order = waitingAfter(arrivals, Router.builder().priorityAging(STEP));
        Duration mostAPriorityCanGain = STEP.multipliedBy(7).dividedBy(2);

        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                Instant servedFirst = order.get(i).conversation().createdAt();
                Instant servedLater = order.get(j).conversation().createdAt();
                assertThat(servedFirst).isBeforeOrEqualTo(servedLater.plus(mostAPriorityCanGain));
            }
        }
    }

    @Property(tries = 100)
    void withAging_anUrgentConversationOvertakesLowerPriorityWorkThatArrivedWithinAStep(
            @ForAll("arrivals") List<Arrival> arrivals) {
        List<WaitingConversation> order = waitingAfter(arrivals, Router.builder().priorityAging(STEP));

        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                Conversation first = order.get(i).conversation();
                Conversation later = order.get(j).conversation();
                boolean laterIsMoreUrgentAndNotMuchYounger = later.priority() == Priority.URGENT
                        && first.priority().compareTo(Priority.HIGH) < 0
                        && !later.createdAt().isAfter(first.createdAt().plus(STEP));
                assertThat(laterIsMoreUrgentAndNotMuchYounger).as("%s served before %s", first, later).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<List<Arrival>> arrivals() {
        return Combinators.combine(Arbitraries.integers().between(0, 90), Arbitraries.of(Priority.class),
                        Arbitraries.of(true, false, false))
                .as(Arrival::new).list().ofMaxSize(25);
    }

    /** Routes the arrivals to a router where nobody has room, and returns its queue in serve order. */
    private static List<WaitingConversation> waitingAfter(List<Arrival> arrivals, Router.Builder builder) {
        Router router = builder.clock(new ManualClock(START.plus(Duration.ofHours(2))))
                .owner(TestStrategies.agent("ana", 0)).chain(TestStrategies.firstAvailable())
                .fallbackQueue("waiting", Duration.ofMinutes(30)).build();
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival arrival = arrivals.get(i);
            router.route(TestStrategies.conversation("c" + i).priority(arrival.priority()).vip(arrival.vip())
                    .createdAt(START.plus(Duration.ofMinutes(arrival.minute()))).build());
        }
        return router.waiting();
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A router restored from a snapshot of another, taken at any point of a random operation sequence (the sequences of
 * {@link RouterProperties}), carries on exactly as the one that never restarted: after every later operation both
 * publish the same events and hold the same state, snapshot for snapshot (so the same rotation, sticky owners,
 * queues in serve order, offers, response deadlines, grace timers, wrap-ups and caps).
 */
class RouterRestartProperties {

    /** Sticky first, then a rotation that keeps its place in a cursor; complaints are offered to two owners. */
    private static RoutingPlan plan() {
        OfferPolicy offer = OfferPolicy.builder(Duration.ofMinutes(2)).ring(2).reviewAfter(3, "review").build();
        return new RoutingPlan(List.of(new QueueSpec("review", Duration.ofMinutes(30)),
                new QueueSpec("waiting", Duration.ofMinutes(10)), new QueueSpec("complaints", Duration.ofMinutes(20))),
                List.of(Rule.builder("complaints").when(new Condition.Is("type", "complaint"))
                                .chain(TestStrategies.rotation()).queue("complaints").offer(offer).build(),
                        Rule.builder("rest").chain(TestStrategies.previousOwner(), TestStrategies.rotation())
                                .queue("waiting").build()));
    }

    private static Router.Builder settings(ManualClock clock, List<RoutingEvent> events, boolean linkByEmail,
            boolean oneConversationPerCustomer) {
        Router.Builder builder = Router.builder().clock(clock).plan(plan())
                .oneConversationPerCustomer(oneConversationPerCustomer)
                .offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(3)))
                .wrapUp(Duration.ofMinutes(1))
                .customerMemory(100, Duration.ofMinutes(30))
                .responseDeadline(Priority.URGENT, Duration.ofMinutes(5))
                .responseReview(1, "review")
                .listener(events::add);
        if (linkByEmail) {
            builder.linkIdentitiesBy(IdentityKey.EMAIL);
        }
        return builder;
    }

    @Property(tries = 200)
    void aRestoredRouterCarriesOnAsTheOneThatNeverRestarted(@ForAll("operations") List<RouterProperties.Op> operations,
            @ForAll("cuts") double cutAt, @ForAll boolean linkByEmail, @ForAll boolean oneConversationPerCustomer) {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        Router.Builder builder = settings(clock, events, linkByEmail, oneConversationPerCustomer);
        builder.owner(Owner.agent("o0").capacity(2).channelCapacity("phone", 1).build())
                .owner(Owner.agent("o1").capacity(3).assignmentCap(2, Duration.ofMinutes(10)).build())
                .owner(Owner.agent("o2").capacity(1).dailyCap(3, ZoneOffset.UTC).build())
                .owner(Owner.agent("o3").capacity(2).build(), Presence.BUSY);
        Router original = builder.build();
        RouterProperties.Model model = new RouterProperties.Model(new HashSet<>());
        int cut = (int) (cutAt * operations.size());
        operations.subList(0, cut).forEach(operation -> operation.apply(original, clock, model));

        StateSnapshot snapshot = original.snapshot();
        ManualClock restartedClock = new ManualClock(clock.instant());
        List<RoutingEvent> restartedEvents = new ArrayList<>();
        Router restarted = settings(restartedClock, restartedEvents, linkByEmail, oneConversationPerCustomer)
                .plan(original.plan()).restoreFrom(snapshot).build();
        RouterProperties.Model restartedModel = new RouterProperties.Model(new HashSet<>(model.open()));
        assertThat(restarted.snapshot()).as("the restored router's snapshot").isEqualTo(snapshot);

        int eventsBefore = events.size();
        for (RouterProperties.Op operation : operations.subList(cut, operations.size())) {
            operation.apply(original, clock, model);
            operation.apply(restarted, restartedClock, restartedModel);
            assertThat(restartedEvents).as("events after %s", operation)
                    .isEqualTo(events.subList(eventsBefore, events.size()));
            assertThat(restarted.snapshot()).as("state after %s", operation).isEqualTo(original.snapshot());
        }
        assertThat(restartedModel).isEqualTo(model);
    }

    @Provide
    Arbitrary<List<RouterProperties.Op>> operations() {
        return new RouterProperties().operations();
    }

    @Provide
    Arbitrary<Double> cuts() {
        return Arbitraries.doubles().between(0, 1).edgeCases(edges -> edges.includeOnly(0.0, 1.0));
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random routes, releases, presence changes and ticks on a plan whose two teams overflow into each other (after a
 * wait, when the queue is long, when nobody is logged in), by their rules' policies and by their queues', through a
 * queue no rule drains and the review queue and back: after every step each open conversation is in exactly one
 * place, no owner is over capacity, and every conversation an overflow moved is still open, once.
 */
class OverflowProperties {

    private static final List<String> OWNERS = List.of("ana", "ben", "cy");

    sealed interface Op {}

    record Route(String id, String type) implements Op {}

    record Release(String id) implements Op {}

    record SetPresence(String owner, Presence presence) implements Op {}

    record Tick(int minutes) implements Op {}

    @Property(tries = 300)
    void overflowNeverLosesNorDuplicatesAConversation(@ForAll("operations") List<Op> operations) {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("billing", Duration.ofMinutes(5)),
                new QueueSpec("front-line", Duration.ofMinutes(5))
                        .withOverflow(Overflow.after(Duration.ofMinutes(4)).moveToQueue("escalations"),
                                Overflow.whenNobodyLoggedIn().moveToQueue("billing")),
                new QueueSpec("escalations", Duration.ofMinutes(10))
                        .withOverflow(Overflow.whenQueueHolds(2).moveTo("billing"),
                                Overflow.after(Duration.ofMinutes(3)).sendToReview("review")),
                new QueueSpec("review", Duration.ofHours(1))
                        .withOverflow(Overflow.after(Duration.ofMinutes(5)).moveToQueue("front-line"))),
                List.of(Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("ana")
                                .chain(TestStrategies.rotation()).queue("billing")
                                .overflow(Overflow.whenQueueHolds(2).raisePriority(),
                                        Overflow.after(Duration.ofMinutes(2)).moveTo("front-line"),
                                        Overflow.whenNobodyLoggedIn().sendToReview("review"))
                                .build(),
                        Rule.builder("front-line").when(new Condition.Is("type", "general")).owners("ben", "cy")
                                .chain(TestStrategies.rotation()).queue("front-line")
                                .overflow(Overflow.after(Duration.ofMinutes(3)).moveTo("billing"),
                                        Overflow.whenQueueHolds(3).reclassify("type", "other"))
                                .build(),
                        Rule.builder("review").queue("review").build()));
        Router.Builder builder = Router.builder().clock(clock).listener(events::add).plan(plan);
        for (int i = 0; i < OWNERS.size(); i++) {
            builder.owner(Owner.agent(OWNERS.get(i)).capacity(i % 2 + 1).build());
        }
        Router router = builder.build();
        Set<String> open = new HashSet<>();

        for (Op operation : operations) {
            List<OwnerStatus> before = router.roster();
            apply(operation, router, clock, open);
            Invariants.capacityIsNeverExceeded(before, router.roster());
            Invariants.everyOpenConversationIsInExactlyOnePlace(router.roster(), router.waiting(), open,
                    router::placement);
            for (RoutingEvent event : events) {
                if (event instanceof RoutingEvent.Overflowed overflowed) {
                    assertThat(open).as("moved by an overflow").contains(overflowed.conversation().id());
                    assertThat(router.placement(overflowed.conversation().id())).isPresent();
                }
            }
            events.clear();
        }
    }

    private static void apply(Op operation, Router router, ManualClock clock, Set<String> open) {
        try {
            if (operation instanceof Route route) {
                router.route(TestStrategies.conversation(route.id()).type(route.type()).createdAt(clock.instant())
                        .build());
                open.add(route.id());
            } else if (operation instanceof Release release) {
                router.release(release.id());
                open.remove(release.id());
            } else if (operation instanceof SetPresence presence) {
                router.setPresence(presence.owner(), presence.presence());
            } else if (operation instanceof Tick tick) {
                clock.advance(Duration.ofMinutes(tick.minutes()));
                router.tick();
            }
        } catch (IllegalArgumentException refused) {
            // not open: refused without a change, which the invariants check
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 7).map(i -> "c" + i);
        Arbitrary<Op> route = Combinators.combine(ids, Arbitraries.of("billing", "general")).as(Route::new);
        Arbitrary<Op> release = ids.map(Release::new);
        Arbitrary<Op> presence = Combinators.combine(Arbitraries.of(OWNERS), Arbitraries.of(Presence.class))
                .as(SetPresence::new);
        Arbitrary<Op> tick = Arbitraries.integers().between(1, 3).map(Tick::new);
        return Arbitraries.frequencyOf(Tuple.of(5, route), Tuple.of(2, release), Tuple.of(2, presence),
                        Tuple.of(3, tick))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}

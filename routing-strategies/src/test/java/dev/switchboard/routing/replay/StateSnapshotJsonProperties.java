package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Condition;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.StateSnapshot;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Snapshots taken anywhere in random operation sequences, on a router with round-robin, sticky routing, offers,
 * grace periods, response deadlines, wrap-ups, caps and working hours: written to JSON and read back, each is the
 * snapshot it was; and a router restored from the JSON publishes the same events and decisions, for the same later
 * calls, as the router that wrote it.
 */
class StateSnapshotJsonProperties {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> OWNERS = List.of("ana", "ben", "cy", "dee");
    private static final WeeklySchedule DAYS = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
            .open(LocalTime.of(8, 0), LocalTime.of(18, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY)
            .closedOn(LocalDate.of(2026, 3, 3)).build();

    /** One call made to a router; returns what it answered, for comparing two routers. */
    sealed interface Op {
        Object apply(Router router, ManualClock clock);
    }

    record Route(int id, String customer, String channel, String type, Priority priority, boolean shared)
            implements Op {
        public Object apply(Router router, ManualClock clock) {
            Conversation.Builder conversation = Conversation.builder("c" + id).customer(customer).channel(channel)
                    .type(type).priority(priority).createdAt(clock.instant());
            if (shared) {
                conversation.attribute("email", "shared@example.com");
            }
            return router.route(conversation.build());
        }
    }

    record Call(String name, int id, String owner) implements Op {
        public Object apply(Router router, ManualClock clock) {
            String conversation = "c" + id;
            try {
                return switch (name) {
                    case "release" -> {
                        router.release(conversation);
                        yield "released";
                    }
                    case "transfer" -> router.transfer(conversation, owner, new Handoff("summary", "", "next"));
                    case "claim" -> router.claim(owner, conversation);
                    case "accept" -> router.accept(owner, conversation);
                    case "decline" -> router.decline(owner, conversation, "busy");
                    case "offline" -> {
                        router.setPresence(owner, Presence.OFFLINE);
                        yield "offline";
                    }
                    case "online" -> {
                        router.setPresence(owner, Presence.ONLINE);
                        yield "online";
                    }
                    default -> {
                        clock.advance(Duration.ofMinutes(id));
                        router.tick();
                        yield "ticked";
                    }
                };
            } catch (IllegalArgumentException | IllegalStateException refused) {
                return refused.getMessage();
            }
        }
    }

    private static RoutingPlan plan() {
        return new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(10)),
                new QueueSpec("review", Duration.ofMinutes(30))), List.of(
                Rule.builder("complaints").when(new Condition.Is("type", "complaint"))
                        .chain(new RoundRobin("complaint-turns", BusyPolicy.EXCLUDE))
                        .queue("waiting").offer(OfferPolicy.builder(Duration.ofMinutes(2)).ring(2)
                                .reviewAfter(3, "review").build()).build(),
                Rule.builder("rest").chain(new StickyPreviousOwner(), new RoundRobin()).queue("waiting").build()));
    }

    private static Router.Builder settings(ManualClock clock, List<RoutingEvent> events) {
        return Router.builder().clock(clock).plan(plan()).linkIdentitiesBy(IdentityKey.EMAIL)
                .offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(3))).wrapUp(Duration.ofMinutes(1))
                .responseDeadline(Priority.URGENT, Duration.ofMinutes(4)).responseReview(1, "review")
                .listener(events::add);
    }

    private static Router original(ManualClock clock, List<RoutingEvent> events) {
        return settings(clock, events)
                .owner(Owner.agent("ana").capacity(2).channelCapacity("phone", 1).skill("billing", 2)
                        .languages("en", "pt").build())
                .owner(Owner.agent("ben").capacity(3).assignmentCap(2, Duration.ofMinutes(10)).regions("eu").build())
                .owner(Owner.agent("cy").capacity(2).dailyCap(4, ZoneId.of("Europe/Lisbon")).weight(3).build())
                .owner(Owner.team("dee").capacity(2).hours(DAYS).wrapUp(Duration.ofMinutes(2)).build(),
                        Presence.BUSY)
                .build();
    }

    @Property(tries = 150)
    void aSnapshotReadsBackAsWritten_andARouterRestoredFromItCarriesOnAsTheOneThatWroteIt(
            @ForAll("operations") List<Op> before, @ForAll("operations") List<Op> after) {
        ManualClock clock = new ManualClock(START);
        List<RoutingEvent> events = new ArrayList<>();
        Router router = original(clock, events);
        before.forEach(operation -> operation.apply(router, clock));

        StateSnapshot snapshot = router.snapshot();
        String json = StateSnapshotJson.write(snapshot);
        StateSnapshot read = StateSnapshotJson.read(json);
        assertThat(read).isEqualTo(snapshot);
        assertThat(StateSnapshotJson.write(read)).isEqualTo(json);

        ManualClock restartedClock = new ManualClock(clock.instant());
        List<RoutingEvent> restartedEvents = new ArrayList<>();
        Router restarted = settings(restartedClock, restartedEvents).restoreFrom(read).build();
        int eventsBefore = events.size();
        for (Op operation : after) {
            Object answered = operation.apply(router, clock);
            assertThat(operation.apply(restarted, restartedClock)).as("answer to %s", operation).isEqualTo(answered);
        }
        assertThat(restartedEvents).isEqualTo(events.subList(eventsBefore, events.size()));
        assertThat(restarted.snapshot()).isEqualTo(router.snapshot());
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, 12);
        Arbitrary<String> owners = Arbitraries.of(OWNERS);
        Arbitrary<Op> route = Combinators.combine(ids, Arbitraries.of("maria", "joe", "lee"),
                Arbitraries.of("chat", "email", "phone"), Arbitraries.of("general", "general", "complaint"),
                Arbitraries.of(Priority.class), Arbitraries.of(false, false, true)).as(Route::new);
        Arbitrary<Op> call = Combinators.combine(Arbitraries.of("release", "release", "transfer", "claim", "accept",
                "decline", "offline", "online", "tick", "tick"), ids, owners).as(Call::new);
        return Arbitraries.frequencyOf(Tuple.of(3, route), Tuple.of(4, call)).list().ofMaxSize(40);
    }
}

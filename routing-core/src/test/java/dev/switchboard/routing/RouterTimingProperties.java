package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of route, release, acknowledge, claim, transfer and clock operations on a router with response
 * deadlines, owners with shifts in two time zones, an owner that opted out, a capped owner and a rule with business
 * hours. No owner ever gets work automatically while it may not (outside its hours, opted out, at its cap), and after
 * every tick no conversation is past its response deadline or SLA deadline without an event saying so.
 */
class RouterTimingProperties {

    private static final List<String> OWNERS = List.of("o0", "o1", "o2", "o3", "o4");
    private static final WeeklySchedule LISBON_DAYS = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
            .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .build();
    private static final WeeklySchedule NEW_YORK_NIGHTS = WeeklySchedule.builder(ZoneId.of("America/New_York"))
            .open(LocalTime.of(22, 0), LocalTime.of(6, 0), DayOfWeek.values()).build();
    private static final AssignmentCap CAP = new AssignmentCap(2, Duration.ofMinutes(30));
    private static final Map<Priority, Duration> DEADLINES = Map.of(Priority.NORMAL, Duration.ofMinutes(5),
            Priority.HIGH, Duration.ofMinutes(2), Priority.URGENT, Duration.ofMinutes(1));

    /** What the test knows: each conversation's priority, and since when its owner's reply is awaited. */
    record Model(Map<String, Priority> priorities, Map<String, Instant> awaitingReplySince) {}

    sealed interface Op {
        void apply(Router router, ManualClock clock, Model model);
    }

    record Route(String id, Priority priority, String type) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            if (router.placement(id).isEmpty()) {
                model.priorities().put(id, priority);
            }
            router.route(Conversation.builder(id).customer("customer-" + id).channel("chat").type(type)
                    .priority(priority).createdAt(clock.instant()).build());
        }
    }

    record Release(String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            if (router.placement(id).isPresent()) {
                router.release(id);
            }
        }
    }

    record Acknowledge(String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            if (router.placement(id).filter(Placement.Owned.class::isInstance).isPresent()) {
                router.acknowledge(id);
                model.awaitingReplySince().remove(id);
            }
        }
    }

    record Claim(String owner, String id) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            if (router.placement(id).isPresent()) {
                router.claim(owner, id);
            }
        }
    }

    record Transfer(String id, String owner) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            try {
                router.transfer(id, owner, new Handoff("summary", "", "next step"));
            } catch (IllegalArgumentException | IllegalStateException refused) {
                // not open, waiting, same owner, or no room: refused without a change
            }
        }
    }

    record Tick(int minutes) implements Op {
        public void apply(Router router, ManualClock clock, Model model) {
            clock.advance(Duration.ofMinutes(minutes));
            router.tick();
        }
    }

    static Router router(ManualClock clock, List<RoutingEvent> events) {
        Rule desk = Rule.builder("desk").when(new Condition.Is("type", "booking")).owners("o0", "o3")
                .chain(TestStrategies.firstAvailable()).queue("desk")
                .hours(LISBON_DAYS, Rule.AfterHours.NEXT_RULE).build();
        Rule rest = Rule.builder("rest").chain(TestStrategies.firstAvailable()).queue("waiting").build();
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofMinutes(20)),
                new QueueSpec("waiting", Duration.ofMinutes(10)), new QueueSpec("review", Duration.ofMinutes(30))),
                List.of(desk, rest));
        Router.Builder builder = Router.builder().clock(clock).plan(plan).listener(events::add)
                .owner(Owner.agent("o0").capacity(3).hours(LISBON_DAYS).build())
                .owner(Owner.agent("o1").capacity(2).hours(NEW_YORK_NIGHTS).build())
                .owner(Owner.agent("o2").capacity(2).autoAssign(false).build())
                .owner(Owner.agent("o3").capacity(3).assignmentCap(CAP.limit(), CAP.window()).build())
                .owner(Owner.agent("o4").capacity(1).build())
                .responseReview(2, "review");
        DEADLINES.forEach(builder::responseDeadline);
        return builder.build();
    }

    @Property(tries = 200)
    void noOwnerGetsWorkAutomaticallyWhenItMayNot_andNoDeadlinePassesUnreported(
            @ForAll("operations") List<Op> operations, @ForAll("starts") Instant start) {
        ManualClock clock = new ManualClock(start);
        List<RoutingEvent> events = new ArrayList<>();
        Router router = router(clock, events);
        Model model = new Model(new HashMap<>(), new HashMap<>());
        int seen = 0;

        for (Op operation : operations) {
            operation.apply(router, clock, model);
            for (RoutingEvent event : events.subList(seen, events.size())) {
                follow(event, model);
                if (event instanceof RoutingEvent.Assigned assigned && !assigned.strategy().equals("claim")) {
                    mayBeGivenWorkAutomatically(assigned, events);
                }
            }
            seen = events.size();
            if (operation instanceof Tick) {
                noResponseDeadlineHasPassed(router, clock.instant(), model);
                everyBreachedWaitWasReported(router, clock.instant(), events);
            }
        }
    }

    private static void follow(RoutingEvent event, Model model) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            model.awaitingReplySince().put(assigned.conversation().id(), assigned.at());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            model.awaitingReplySince().put(transferred.conversation().id(), transferred.at());
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            model.awaitingReplySince().remove(missed.conversation().id());
        } else if (event instanceof RoutingEvent.Released released) {
            model.awaitingReplySince().remove(released.conversation().id());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            model.awaitingReplySince().remove(rerouted.conversation().id());
        }
    }

    private static void mayBeGivenWorkAutomatically(RoutingEvent.Assigned assigned, List<RoutingEvent> events) {
        String owner = assigned.ownerId();
        Instant at = assigned.at();
        assertThat(owner).as("o2 opted out").isNotEqualTo("o2");
        if (owner.equals("o0")) {
            assertThat(LISBON_DAYS.isOpen(at)).as("o0 outside its hours at %s", at).isTrue();
        }
        if (owner.equals("o1")) {
            assertThat(NEW_YORK_NIGHTS.isOpen(at)).as("o1 outside its hours at %s", at).isTrue();
        }
        if (owner.equals("o3")) {
            long received = events.subList(0, events.indexOf(assigned)).stream()
                    .filter(event -> receivedBy(event, "o3") && event.at().isAfter(at.minus(CAP.window())))
                    .count();
            assertThat(received).as("o3 at its cap at %s", at).isLessThan(CAP.limit());
        }
        Optional<Trace.RuleMatch> rule = assigned.trace().rule();
        if (rule.isPresent() && rule.get().name().equals("desk")) {
            assertThat(LISBON_DAYS.isOpen(at)).as("desk closed at %s", at).isTrue();
        }
    }

    private static boolean receivedBy(RoutingEvent event, String owner) {
        return event instanceof RoutingEvent.Assigned assigned && assigned.ownerId().equals(owner)
                || event instanceof RoutingEvent.Transferred transferred && transferred.toOwnerId().equals(owner);
    }

    private static void noResponseDeadlineHasPassed(Router router, Instant now, Model model) {
        for (OwnerStatus status : router.roster()) {
            for (String id : status.conversationIds()) {
                Duration deadline = DEADLINES.get(model.priorities().get(id));
                Instant since = model.awaitingReplySince().get(id);
                if (deadline != null && since != null) {
                    assertThat(since.plus(deadline)).as("%s is past its response deadline at %s", id, now)
                            .isAfter(now);
                }
            }
        }
    }

    private static void everyBreachedWaitWasReported(Router router, Instant now, List<RoutingEvent> events) {
        for (WaitingConversation entry : router.waiting()) {
            if (!entry.slaDeadline().isAfter(now)) {
                assertThat(events).as("%s breached its SLA unreported", entry.conversation().id())
                        .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(RoutingEvent.SlaBreached.class,
                                breach -> {
                                    assertThat(breach.conversation().id()).isEqualTo(entry.conversation().id());
                                    assertThat(breach.at()).isAfterOrEqualTo(entry.enqueuedAt());
                                }));
            }
        }
    }

    /** Around the clock, around the week, and around the spring daylight-saving changes in both zones. */
    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.of(START, Instant.parse("2026-03-08T01:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-06T20:00:00Z")).flatMap(base -> Arbitraries.integers().between(0, 24 * 60)
                .map(minutes -> base.plus(Duration.ofMinutes(minutes))));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 11).map(i -> "c" + i);
        Arbitrary<String> owners = Arbitraries.of(OWNERS);
        Arbitrary<Op> route = Combinators.combine(ids, Arbitraries.of(Priority.class),
                Arbitraries.of("general", "booking")).as(Route::new);
        Arbitrary<Op> release = ids.map(Release::new);
        Arbitrary<Op> acknowledge = ids.map(Acknowledge::new);
        Arbitrary<Op> claim = Combinators.combine(owners, ids).as(Claim::new);
        Arbitrary<Op> transfer = Combinators.combine(ids, owners).as(Transfer::new);
        Arbitrary<Op> tick = Arbitraries.oneOf(Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(30, 240)).map(Tick::new);
        return Arbitraries.frequencyOf(Tuple.of(6, route), Tuple.of(2, release), Tuple.of(2, acknowledge),
                        Tuple.of(1, claim), Tuple.of(1, transfer), Tuple.of(4, tick))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}

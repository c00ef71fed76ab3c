package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.rotation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Overflow and exception policies, as Azure Job Router's exception policies and TaskRouter's targets with timeouts
 * behave: a conversation waiting in its rule's queue moves to another rule, has its priority raised, is reclassified
 * or goes to review when its wait, its queue's length or an empty team says so, each move in the trace and an event.
 */
class RouterOverflowTest {

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new ArrayList<>();

    private static final List<QueueSpec> QUEUES = List.of(new QueueSpec("billing", Duration.ofMinutes(10)),
            new QueueSpec("front-line", Duration.ofMinutes(10)), new QueueSpec("refunds", Duration.ofMinutes(10)),
            new QueueSpec("review", Duration.ofHours(1)));

    /** billing: ana, with these policies; refunds: ben, for type refund; front-line: ben; review catches the rest. */
    private Router router(Overflow... billing) {
        RoutingPlan plan = new RoutingPlan(QUEUES, List.of(
                Rule.builder("refunds").when(new Condition.Is("type", "refund")).owners("ben").chain(rotation())
                        .queue("refunds").build(),
                Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("ana").chain(rotation())
                        .queue("billing").overflow(billing).build(),
                Rule.builder("front-line").when(new Condition.Is("type", "general")).owners("ben")
                        .chain(rotation()).queue("front-line").build(),
                Rule.builder("review").queue("review").build()));
        return Router.builder().clock(clock).owner(agent("ana", 1)).owner(agent("ben", 1)).plan(plan)
                .listener(events::add).build();
    }

    private static Conversation billing(String id) {
        return conversation(id).type("billing").build();
    }

    private void minutes(int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
    }

    private <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Nested
    class AfterWaiting {
        @Test
        void aConversationWaitingPastTheLimit_overflowsToTheOtherRule_onTheNextTick_andItsOwnerGetsIt() {
            Router router = router(Overflow.after(Duration.ofMinutes(2)).moveTo("front-line"));
            router.route(billing("c1"));
            router.route(billing("c2")); // ana is full: waits in billing

            minutes(1);
            router.tick();
            assertThat(router.placement("c2")).get().isInstanceOf(Placement.Waiting.class);
            minutes(1);
            router.tick();

            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
            RoutingEvent.Overflowed overflowed = eventsOf(RoutingEvent.Overflowed.class).get(0);
            assertThat(overflowed.reason()).isEqualTo("overflowed from billing to front-line after 2m");
            assertThat(overflowed.fromRule()).isEqualTo("billing");
            assertThat(overflowed.fromQueue()).isEqualTo("billing");
            assertThat(overflowed.to()).isEqualTo("front-line");
            RoutingEvent.Assigned assigned = eventsOf(RoutingEvent.Assigned.class).get(1);
            assertThat(assigned.trace().explain())
                    .contains("overflow passed (none available): overflowed from billing to front-line after 2m")
                    .contains("rule front-line");
            assertThat(router.stats().overflowed()).isEqualTo(1);
        }

        @Test
        void aMovedConversation_waitsInTheOtherRulesQueue_andStaysThere_whenTheFirstRuleGetsRoom() {
            Router router = router(Overflow.after(Duration.ofMinutes(2)).moveTo("front-line"));
            router.route(conversation("g1").type("general").build()); // ben is full
            router.route(billing("c1"));
            router.route(billing("c2"));
            minutes(2);
            router.tick();
            assertThat(router.waiting()).extracting(entry -> entry.queue()).containsExactly("front-line");

            router.release("c1"); // ana has room again, but c2 is front-line's now

            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Waiting.class,
                    waiting -> assertThat(waiting.entry().queue()).isEqualTo("front-line"));
            router.release("g1");
            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
        }

        @Test
        void raisingThePriority_keepsTheConversationsPlaceAndSlaDeadline_andActsOnce() {
            Router router = router(Overflow.after(Duration.ofMinutes(2)).raisePriority());
            router.route(billing("c1"));
            router.route(billing("c2"));
            WaitingConversation before = router.waiting().get(0);

            minutes(2);
            router.tick();
            minutes(2);
            router.tick();

            WaitingConversation after = router.waiting().get(0);
            assertThat(after.conversation().priority()).isEqualTo(Priority.HIGH);
            assertThat(after.queue()).isEqualTo("billing");
            assertThat(after.enqueuedAt()).isEqualTo(before.enqueuedAt());
            assertThat(after.slaDeadline()).isEqualTo(before.slaDeadline());
            assertThat(eventsOf(RoutingEvent.Overflowed.class)).extracting(RoutingEvent.Overflowed::reason)
                    .containsExactly("raised to priority high in billing after 2m");
        }
    }

    @Nested
    class QueueLength {
        @Test
        void aConversationRoutedIntoAQueueHoldingTheLimit_overflowsAtOnce_andTheDecisionSaysWhereItWent() {
            Router router = router(Overflow.whenQueueHolds(2).moveTo("front-line"));
            router.route(conversation("g1").type("general").build()); // ben is full too
            router.route(billing("c1"));
            Decision second = router.route(billing("c2")); // billing holds 1
            Decision third = router.route(billing("c3")); // billing would hold 2

            assertThat(second).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("billing"));
            assertThat(third).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("front-line");
                assertThat(queued.trace().steps().get(0).verdict().reason())
                        .isEqualTo("overflowed from billing to front-line as its queue holds 2 or more (after waiting"
                                + " 0s)");
            });
            assertThat(router.waiting()).extracting(WaitingConversation::queue)
                    .containsExactlyInAnyOrder("billing", "front-line");
        }
    }

    @Nested
    class NobodyLoggedIn {
        @Test
        void whenTheWholeTeamLogsOut_theWaitingConversationGoesToReview_onTheNextTick_andIsNotRoutedAgain() {
            Router router = router(Overflow.whenNobodyLoggedIn().sendToReview("review"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            router.setPresence("ana", Presence.OFFLINE); // c1 is re-routed: it waits in billing too

            router.tick();

            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsOnly("review");
            router.setPresence("ana", Presence.ONLINE);
            router.tick();
            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsOnly("review")
                    .as("held for review, to be claimed").hasSize(2);
            assertThat(router.claim("ana", "c2")).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void aBusyTeam_isLoggedIn_soNothingMoves() {
            Router router = router(Overflow.whenNobodyLoggedIn().sendToReview("review"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            router.setPresence("ana", Presence.AWAY);

            router.tick();

            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsOnly("billing");
            assertThat(eventsOf(RoutingEvent.Overflowed.class)).isEmpty();
        }
    }

    @Nested
    class Reclassify {
        @Test
        void aReclassifiedConversation_isMatchedAgain_andTakenByTheRuleItNowMatches() {
            Router router = router(Overflow.after(Duration.ofMinutes(5)).reclassify("type", "refund"));
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(5);
            router.tick();

            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class, owned -> {
                assertThat(owned.ownerId()).isEqualTo("ben");
                assertThat(owned.conversation().type()).isEqualTo("refund");
            });
            assertThat(eventsOf(RoutingEvent.Overflowed.class)).extracting(RoutingEvent.Overflowed::reason)
                    .containsExactly("reclassified (type = refund) from billing to refunds after 5m");
        }
    }

    @Nested
    class Order {
        @Test
        void thePoliciesAreTriedInOrder_theFirstThatHoldsActs_andEachActsOnce() {
            Router router = router(Overflow.after(Duration.ofMinutes(1)).raisePriority(),
                    Overflow.after(Duration.ofMinutes(1)).moveTo("front-line"));
            router.route(conversation("g1").type("general").build());
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(1);
            router.tick();
            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsExactly("billing");
            router.tick();

            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsExactly("front-line");
            assertThat(router.waiting().get(0).conversation().priority()).isEqualTo(Priority.HIGH);
            assertThat(eventsOf(RoutingEvent.Overflowed.class)).extracting(RoutingEvent.Overflowed::reason)
                    .containsExactly("raised to priority high in billing after 1m",
                            "overflowed from billing to front-line after 1m");
        }

        @Test
        void rulesThatOverflowIntoEachOther_moveAConversationOnceEach_neverInALoop() {
            RoutingPlan plan = new RoutingPlan(QUEUES, List.of(
                    Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("ana")
                            .chain(rotation()).queue("billing")
                            .overflow(Overflow.after(Duration.ofMinutes(1)).moveTo("front-line")).build(),
                    Rule.builder("front-line").when(new Condition.Is("type", "general")).owners("ben")
                            .chain(rotation()).queue("front-line")
                            .overflow(Overflow.after(Duration.ofMinutes(1)).moveTo("billing")).build(),
                    Rule.builder("review").queue("review").build()));
            Router router = Router.builder().clock(clock).owner(agent("ana", 0)).owner(agent("ben", 0)).plan(plan)
                    .listener(events::add).build();
            router.route(billing("c1"));

            for (int i = 0; i < 5; i++) {
                minutes(1);
                router.tick();
            }

            assertThat(eventsOf(RoutingEvent.Overflowed.class)).extracting(RoutingEvent.Overflowed::to)
                    .containsExactly("front-line", "billing");
            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsExactly("billing");
        }
    }

    @Nested
    class Refused {
        @Test
        void aPolicyThatMovesToAnUnknownRule_orReviewsInAnUndeclaredQueue_isRefusedWithThePlan() {
            assertThatThrownBy(() -> router(Overflow.after(Duration.ofMinutes(1)).moveTo("nowhere")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow of rule 'billing' moves to unknown rule 'nowhere'");
            assertThatThrownBy(() -> router(Overflow.whenNobodyLoggedIn().sendToReview("limbo")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow review queue 'limbo' of rule 'billing' is not declared");
            assertThatThrownBy(() -> router(Overflow.after(Duration.ofMinutes(1)).moveTo("billing")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moves to the rule itself");
        }

        @Test
        void badTriggersAndActions_areRefusedNamingTheValue() {
            assertThatThrownBy(() -> Overflow.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow wait");
            assertThatThrownBy(() -> Overflow.whenQueueHolds(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1, was 0");
            assertThatThrownBy(() -> Overflow.whenNobodyLoggedIn().reclassify("channel", "email"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 'channel'");
        }
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.rotation;
import static dev.switchboard.routing.TestStrategies.typeToQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Overflow policies of a queue (Azure Job Router exception policies on a queue): they move on every conversation
 * waiting in that queue, whichever rule or call put it there, after the policies of the conversation's rule; and the
 * move to a bare queue, where the rule that drains it decides the conversation, or where it waits to be claimed.
 */
class RouterQueueOverflowTest {

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> events = new ArrayList<>();

    /** billing (ana), front-line (ben), escalations (no rule drains it), review; each replaced by one given. */
    private static List<QueueSpec> queues(QueueSpec... replacing) {
        Map<String, QueueSpec> queues = new LinkedHashMap<>();
        for (QueueSpec queue : List.of(new QueueSpec("billing", Duration.ofMinutes(10)),
                new QueueSpec("front-line", Duration.ofMinutes(15)), new QueueSpec("refunds", Duration.ofMinutes(10)),
                new QueueSpec("escalations", Duration.ofMinutes(30)), new QueueSpec("review", Duration.ofHours(1)))) {
            queues.put(queue.name(), queue);
        }
        for (QueueSpec queue : replacing) {
            queues.put(queue.name(), queue);
        }
        return List.copyOf(queues.values());
    }

    /**
     * refunds: ben, for type refund; sorting: sends type sort to the billing queue; billing: ana, with these policies;
     * front-line: ben, for type general; review catches the rest.
     */
    private static RoutingPlan plan(List<QueueSpec> queues, Overflow... billing) {
        return new RoutingPlan(queues, List.of(
                Rule.builder("refunds").when(new Condition.Is("type", "refund")).owners("ben").chain(rotation())
                        .queue("refunds").build(),
                Rule.builder("sorting").when(new Condition.Is("type", "sort")).chain(typeToQueue("sort", "billing"))
                        .queue("review").build(),
                Rule.builder("billing").when(new Condition.Is("type", "billing")).owners("ana").chain(rotation())
                        .queue("billing").overflow(billing).build(),
                Rule.builder("front-line").when(new Condition.Is("type", "general")).owners("ben")
                        .chain(rotation()).queue("front-line").build(),
                Rule.builder("review").queue("review").build()));
    }

    private Router router(List<QueueSpec> queues, Overflow... billing) {
        return Router.builder().clock(clock).owner(agent("ana", 1)).owner(agent("ben", 1)).plan(plan(queues, billing))
                .listener(events::add).build();
    }

    private Router billingQueue(Overflow... policies) {
        return router(queues(new QueueSpec("billing", Duration.ofMinutes(10)).withOverflow(policies)));
    }

    private static Conversation billing(String id) {
        return conversation(id).type("billing").build();
    }

    private static Conversation general(String id) {
        return conversation(id).type("general").build();
    }

    private void minutes(int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
    }

    private List<String> overflowReasons() {
        return events.stream().filter(RoutingEvent.Overflowed.class::isInstance)
                .map(event -> ((RoutingEvent.Overflowed) event).reason()).toList();
    }

    private WaitingConversation waitingEntry(Router router, String id) {
        return ((Placement.Waiting) router.placement(id).orElseThrow()).entry();
    }

    @Nested
    class MoveToQueue {
        @Test
        void afterTheWait_theConversationWaitsInTheOtherQueue_withItsSla_andTheRuleThatDrainsItTakesIt() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line"));
            router.route(general("g1")); // ben is full
            router.route(billing("c1"));
            router.route(billing("c2")); // ana is full: waits in billing

            minutes(2);
            router.tick();

            WaitingConversation moved = waitingEntry(router, "c2");
            assertThat(moved.queue()).isEqualTo("front-line");
            assertThat(moved.enqueuedAt()).isEqualTo(clock.instant());
            assertThat(moved.slaDeadline()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
            RoutingEvent.Overflowed overflowed = events.stream().filter(RoutingEvent.Overflowed.class::isInstance)
                    .map(RoutingEvent.Overflowed.class::cast).findFirst().orElseThrow();
            assertThat(overflowed.reason()).isEqualTo("overflowed from queue billing to queue front-line after 2m");
            assertThat(overflowed.fromRule()).isEqualTo("billing");
            assertThat(overflowed.fromQueue()).isEqualTo("billing");
            assertThat(overflowed.to()).isEqualTo("front-line");
            assertThat(router.stats().overflowed()).isEqualTo(1);

            router.release("c1"); // ana has room, but c2 is front-line's now
            assertThat(router.placement("c2")).get().isInstanceOf(Placement.Waiting.class);
            router.release("g1");
            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
        }

        @Test
        void theNextDecisionsTrace_beginsWithTheMove() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line"));
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(2);
            router.tick(); // ben has room: front-line's rule gives it to him at once

            RoutingEvent.Assigned assigned = events.stream().filter(RoutingEvent.Assigned.class::isInstance)
                    .map(RoutingEvent.Assigned.class::cast).reduce((first, second) -> second).orElseThrow();
            assertThat(assigned.ownerId()).isEqualTo("ben");
            assertThat(assigned.trace().explain())
                    .contains("overflow passed (none available): overflowed from queue billing to queue front-line"
                            + " after 2m")
                    .contains("rule front-line");
        }

        @Test
        void aRulesPolicy_movesToABareQueue_whereTheConversationWaitsToBeClaimed() {
            Router router = router(queues(), Overflow.after(Duration.ofMinutes(3)).moveToQueue("escalations"));
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(3);
            router.tick();
            router.release("c1");
            router.tick();

            WaitingConversation held = waitingEntry(router, "c2");
            assertThat(held.queue()).isEqualTo("escalations");
            assertThat(held.reason()).contains("which no rule drains: it waits to be claimed");
            assertThat(overflowReasons()).containsExactly("overflowed from billing to queue escalations after 3m");
            assertThat(router.claim("ben", "c2")).isInstanceOf(Decision.Assigned.class);
        }
    }

    @Nested
    class ReplacedPlan {
        @Test
        void aConversationHeldInAQueueTheNewPlanNoLongerDeclares_isRoutedByItsRuleAgain() {
            Router router = router(queues(), Overflow.after(Duration.ofMinutes(3)).moveToQueue("escalations"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            minutes(3);
            router.tick();
            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("escalations");

            router.replacePlan(plan(queues().stream().filter(queue -> !queue.name().equals("escalations")).toList()));

            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("billing");
            router.release("c1");
            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ana"));
        }

        @Test
        void aConversationHeldForReviewInAQueueTheNewPlanNoLongerDeclares_isRoutedByItsRuleAgain() {
            List<QueueSpec> withReview = new ArrayList<>(queues());
            withReview.add(new QueueSpec("billing-review", Duration.ofHours(1)));
            Router router = router(withReview, Overflow.after(Duration.ofMinutes(3)).sendToReview("billing-review"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            minutes(3);
            router.tick();
            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("billing-review");

            router.replacePlan(plan(queues()));

            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("billing");
        }
    }

    @Nested
    class WhicheverRuleQueuedIt {
        @Test
        void aConversationAnotherRulesStepSentToTheQueue_isMovedByTheQueuesPolicy() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(1)).moveTo("front-line"));
            router.route(general("g1"));
            Decision sorted = router.route(conversation("s1").type("sort").build());
            assertThat(sorted).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("billing"));

            minutes(1);
            router.tick();

            assertThat(waitingEntry(router, "s1").queue()).isEqualTo("front-line");
            assertThat(overflowReasons()).containsExactly("overflowed from queue billing to front-line after 1m");
            RoutingEvent.Overflowed overflowed = events.stream().filter(RoutingEvent.Overflowed.class::isInstance)
                    .map(RoutingEvent.Overflowed.class::cast).findFirst().orElseThrow();
            assertThat(overflowed.fromRule()).as("the rule that routed it").isEqualTo("sorting");
            assertThat(overflowed.fromQueue()).as("the queue it waited in").isEqualTo("billing");
        }

        @Test
        void aConversationHeldForReview_isMovedOutOfTheReviewQueue_andRoutedAgain() {
            Router router = router(queues(new QueueSpec("review", Duration.ofHours(1))
                            .withOverflow(Overflow.after(Duration.ofMinutes(10)).moveToQueue("front-line"))),
                    Overflow.whenNobodyLoggedIn().sendToReview("review"));
            router.setPresence("ana", Presence.OFFLINE);
            router.route(billing("c1")); // nobody of billing is logged in: to review at once

            assertThat(waitingEntry(router, "c1").queue()).isEqualTo("review");
            minutes(10);
            router.tick();

            assertThat(router.placement("c1")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
            assertThat(overflowReasons()).containsExactly(
                    "sent from billing to review in review as nobody who could take it is logged in (after waiting"
                            + " 0s)",
                    "overflowed from queue review to queue front-line after 10m");
        }
    }

    @Nested
    class Triggers {
        @Test
        void aConversationRoutedIntoAQueueHoldingTheLimit_movesAtOnce() {
            Router router = billingQueue(Overflow.whenQueueHolds(2).moveToQueue("escalations"));
            router.route(billing("c1"));
            Decision second = router.route(billing("c2"));
            Decision third = router.route(billing("c3"));

            assertThat(second).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("billing"));
            assertThat(third).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("escalations");
                assertThat(queued.trace().steps().get(0).verdict().reason()).isEqualTo("overflowed from queue"
                        + " billing to queue escalations as its queue holds 2 or more (after waiting 0s)");
            });
        }

        @Test
        void whenNobodyWhoDrainsTheQueueIsLoggedIn_itsConversationsMove_butABusyTeamKeepsThem() {
            Router router = billingQueue(Overflow.whenNobodyLoggedIn().moveToQueue("front-line"));
            router.route(general("g1"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            router.setPresence("ana", Presence.AWAY);
            router.tick();
            assertThat(router.waiting()).extracting(WaitingConversation::queue).containsExactly("billing");

            router.setPresence("ana", Presence.OFFLINE); // c1 is taken back and waits in billing too
            router.tick();

            assertThat(router.waiting()).extracting(WaitingConversation::queue)
                    .containsExactly("front-line", "front-line");
            assertThat(overflowReasons()).allMatch(reason -> reason.startsWith("overflowed from queue billing to"
                    + " queue front-line as nobody who could take it is logged in"));
        }
    }

    @Nested
    class Actions {
        @Test
        void aQueuesPolicy_raisesThePriority_inPlace() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(2)).raisePriority());
            router.route(billing("c1"));
            router.route(billing("c2"));
            WaitingConversation before = waitingEntry(router, "c2");

            minutes(2);
            router.tick();

            WaitingConversation after = waitingEntry(router, "c2");
            assertThat(after.conversation().priority()).isEqualTo(Priority.HIGH);
            assertThat(after.queue()).isEqualTo("billing");
            assertThat(after.enqueuedAt()).isEqualTo(before.enqueuedAt());
            assertThat(overflowReasons()).containsExactly("raised to priority high in queue billing after 2m");
        }

        @Test
        void aQueuesPolicy_reclassifies_andTheRuleItNowMatchesTakesIt() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(5)).reclassify("type", "refund"));
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(5);
            router.tick();

            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
            assertThat(overflowReasons())
                    .containsExactly("reclassified (type = refund) from queue billing to refunds after 5m");
        }

        @Test
        void aQueuesPolicy_sendsToReview_whereTheConversationIsNotRoutedAgain() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(5)).sendToReview("review"));
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(5);
            router.tick();
            router.release("c1");

            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("review");
            assertThat(overflowReasons()).containsExactly("sent from queue billing to review in review after 5m");
        }
    }

    @Nested
    class Order {
        @Test
        void theRulesPoliciesActFirst_thenTheQueues_oneMoveAtATime() {
            Router router = router(queues(new QueueSpec("billing", Duration.ofMinutes(10))
                            .withOverflow(Overflow.after(Duration.ofMinutes(1)).moveToQueue("escalations"))),
                    Overflow.after(Duration.ofMinutes(1)).raisePriority());
            router.route(billing("c1"));
            router.route(billing("c2"));

            minutes(1);
            router.tick();
            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("billing");
            router.tick();

            assertThat(waitingEntry(router, "c2").queue()).isEqualTo("escalations");
            assertThat(overflowReasons()).containsExactly("raised to priority high in billing after 1m",
                    "overflowed from queue billing to queue escalations after 1m");
        }

        @Test
        void queuesThatOverflowIntoEachOther_moveAConversationOnceAPolicy_oneMovePerTick_neverInALoop() {
            Router router = router(queues(
                    new QueueSpec("escalations", Duration.ofMinutes(30))
                            .withOverflow(Overflow.whenQueueHolds(1).moveToQueue("review")),
                    new QueueSpec("review", Duration.ofHours(1))
                            .withOverflow(Overflow.whenQueueHolds(1).moveToQueue("escalations"))),
                    Overflow.after(Duration.ofMinutes(1)).moveToQueue("escalations"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            minutes(1);

            List<String> queues = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                router.tick();
                queues.add(waitingEntry(router, "c2").queue());
            }

            assertThat(queues).containsExactly("escalations", "review", "escalations", "escalations");
            assertThat(overflowReasons()).hasSize(3);
        }
    }

    @Nested
    class Refused {
        @Test
        void aQueuesPolicyNamingAnUnknownRuleOrQueue_orItsOwnQueue_isRefusedNamingIt() {
            assertThatThrownBy(() -> billingQueue(Overflow.after(Duration.ofMinutes(1)).moveTo("nowhere")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow of queue 'billing' moves to unknown rule 'nowhere'");
            assertThatThrownBy(() -> billingQueue(Overflow.after(Duration.ofMinutes(1)).moveToQueue("limbo")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow queue 'limbo' of queue 'billing' is not declared; queues: [billing,"
                            + " escalations, front-line, refunds, review]");
            assertThatThrownBy(() -> billingQueue(Overflow.after(Duration.ofMinutes(1)).moveToQueue("billing")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                            "overflow queue 'billing' of queue 'billing' is the queue its conversations already wait in");
            assertThatThrownBy(() -> billingQueue(Overflow.whenNobodyLoggedIn().sendToReview("limbo")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow review queue 'limbo' of queue 'billing' is not declared");
        }

        @Test
        void aRulesPolicyMovingToItsOwnQueue_isRefused() {
            assertThatThrownBy(() -> router(queues(), Overflow.after(Duration.ofMinutes(1)).moveToQueue("billing")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                            "overflow queue 'billing' of rule 'billing' is the queue its conversations already wait in");
        }

        @Test
        void aRefusedPlan_leavesTheRouterAsItWas() {
            Router router = billingQueue(Overflow.after(Duration.ofMinutes(2)).moveToQueue("front-line"));
            router.route(billing("c1"));
            router.route(billing("c2"));
            RoutingPlan before = router.plan();

            assertThatThrownBy(() -> router.replacePlan(plan(queues(new QueueSpec("billing", Duration.ofMinutes(10))
                    .withOverflow(Overflow.after(Duration.ofMinutes(1)).moveToQueue("limbo"))))))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(router.plan()).isSameAs(before);
            minutes(2);
            router.tick();
            assertThat(router.placement("c2")).get().isInstanceOfSatisfying(Placement.Owned.class,
                    owned -> assertThat(owned.ownerId()).isEqualTo("ben"));
        }

        @Test
        void aNullPolicy_isRefusedNamingTheQueue() {
            QueueSpec billing = new QueueSpec("billing", Duration.ofMinutes(10));
            assertThatThrownBy(() -> billing.withOverflow((Overflow) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("overflow policy of queue 'billing'");
            assertThat(billing.overflow()).isEmpty();
        }
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.previousOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The router's policies that depend on who may be given work automatically, and on time. */
class RouterTimingTest extends RouterScenario {

    private static Owner optedOut(String id, int capacity) {
        return Owner.agent(id).capacity(capacity).autoAssign(false).build();
    }

    @Nested
    class OptingOutOfAutomaticAssignment {
        @Test
        void anOwnerThatOptedOut_getsNoWorkFromTheChain_evenWithRoom() {
            Router router = routerWith(optedOut("manager", 5), agent("ana", 1)).build();

            assertThat(router.route(conversation("c1").build())).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ana"));
            assertThat(router.route(conversation("c2").build())).isInstanceOf(Decision.Queued.class);
            assertThat(router.ownerStatus("manager").load()).isZero();
        }

        @Test
        void isNotAPreviousOwnerCandidate_forAReturningCustomer() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).owner(agent("ben", 1))
                    .chain(previousOwner(), firstAvailable()).fallbackQueue("waiting", Duration.ofMinutes(15))
                    .build();
            router.route(conversation("c1").customer("dee").build());
            router.release("c1");
            router.removeOwner("ana");
            router.addOwner(optedOut("ana-2", 1));

            Decision decision = router.route(conversation("c2").customer("dee").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
        }

        @Test
        void stillClaimsFromTheQueue_andReceivesTransfers() {
            Router router = routerWith(optedOut("manager", 2), agent("ana", 1)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());

            assertThat(router.claim("manager", "c2")).isInstanceOf(Decision.Assigned.class);
            router.transfer("c1", "manager", new Handoff("escalation", "", "call back"));

            assertThat(router.ownerStatus("manager").conversationIds()).containsExactlyInAnyOrder("c1", "c2");
        }

        @Test
        void freedCapacityOfAnOptedOutOwner_doesNotDrainTheQueueToIt() {
            Router router = routerWith(optedOut("manager", 1), agent("ana", 0)).build();
            router.route(conversation("c1").build());
            router.claim("manager", "c1");
            router.route(conversation("c2").build());

            router.release("c1");

            assertThat(router.placement("c2")).containsInstanceOf(Placement.Waiting.class);
            assertThat(eventsOf(RoutingEvent.Assigned.class)).extracting(RoutingEvent.Assigned::strategy)
                    .containsExactly("claim");
        }
    }

    @Nested
    class FairnessCap {
        private final Owner ana = Owner.agent("ana").capacity(10).assignmentCap(2, Duration.ofHours(1)).build();

        @Test
        void anOwnerAtItsCap_getsNoMoreWork_untilTheOldestAssignmentIsAWindowOld() {
            Router router = routerWith(ana).build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(10));
            router.route(conversation("c2").build());

            assertThat(router.route(conversation("c3").build())).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.reason()).endsWith("held back from automatic assignment: ana at its"
                            + " cap of 2 new conversations per PT1H"));
            clock.set(START.plus(Duration.ofHours(1)).minusNanos(1));
            router.tick();
            assertThat(router.placement("c3")).containsInstanceOf(Placement.Waiting.class);

            clock.set(START.plus(Duration.ofHours(1)));
            router.tick();
            assertThat(router.placement("c3")).containsInstanceOf(Placement.Owned.class);
        }

        @Test
        void theWindowRolls_soReleasesDoNotResetIt() {
            Router router = routerWith(ana).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            router.release("c1");
            router.release("c2");

            clock.advance(Duration.ofMinutes(59));
            assertThat(router.route(conversation("c3").build())).isInstanceOf(Decision.Queued.class);
        }

        @Test
        void claimsAndTransfersAreNotHeldBack_butCount() {
            Router router = routerWith(ana, agent("ben", 5)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            router.route(conversation("c3").build());

            router.transfer("c3", "ana", new Handoff("follow-up", "", "call back"));
            clock.advance(Duration.ofMinutes(30));
            router.release("c1");
            router.release("c2");

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c3");
            assertThat(router.route(conversation("c4").build())).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("ben"));
        }

        @Test
        void aCapNeedsAPositiveLimitAndWindow_namingTheField() {
            assertThatThrownBy(() -> new AssignmentCap(0, Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit of assignment cap must be positive, was 0");
            assertThatThrownBy(() -> new AssignmentCap(1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("window of assignment cap must be positive, was PT0S");
        }
    }

    @Nested
    class AtRisk {
        @Test
        void listsWaitsDueWithinTheHorizon_breachedIncluded_earliestDeadlineFirst() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 0)).chain(TestStrategies.typeToQueue(
                    "billing", "billing")).queue("billing", Duration.ofMinutes(5))
                    .fallbackQueue("waiting", Duration.ofMinutes(15)).build();
            router.route(conversation("late").build());
            clock.advance(Duration.ofMinutes(1));
            router.route(conversation("urgent").type("billing").build());
            router.route(conversation("later").build());
            clock.advance(Duration.ofMinutes(10));

            assertThat(router.atRisk(Duration.ZERO)).extracting(entry -> entry.conversation().id())
                    .containsExactly("urgent");
            assertThat(router.atRisk(Duration.ofMinutes(4))).extracting(entry -> entry.conversation().id())
                    .containsExactly("urgent", "late");
            assertThat(router.atRisk(Duration.ofMinutes(5))).extracting(entry -> entry.conversation().id())
                    .containsExactly("urgent", "late", "later");
        }

        @Test
        void refusesANegativeHorizon() {
            Router router = routerWith(agent("ana", 1)).build();

            assertThatThrownBy(() -> router.atRisk(Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("within must not be negative, was PT-1M");
        }
    }

    @Nested
    class ResponseDeadlines {
        private Router.Builder withDeadlines(Owner... owners) {
            return routerWith(owners).responseDeadline(Priority.NORMAL, Duration.ofMinutes(5))
                    .queue("review", Duration.ofMinutes(30)).responseReview(1, "review");
        }

        @Test
        void lapsesExactlyAtTheDeadline_andReroutesWithoutTheOwner_countedAsAReroute() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").build());

            clock.set(START.plus(Duration.ofMinutes(5)).minusNanos(1));
            router.tick();
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");

            clock.set(START.plus(Duration.ofMinutes(5)));
            router.tick();
            assertThat(eventsOf(RoutingEvent.ResponseDeadlineMissed.class)).singleElement().satisfies(missed -> {
                assertThat(missed.ownerId()).isEqualTo("ana");
                assertThat(missed.deadline()).isEqualTo(START.plus(Duration.ofMinutes(5)));
                assertThat(missed.missed()).isEqualTo(1);
            });
            assertThat(eventsOf(RoutingEvent.Rerouted.class)).singleElement()
                    .satisfies(rerouted -> assertThat(rerouted.fromOwnerId()).isEqualTo("ana"));
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(router.stats().rerouted()).isEqualTo(1);
        }

        @Test
        void anAcknowledgedConversation_staysWithItsOwner() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(4));

            router.acknowledge("c1");
            router.acknowledge("c1");
            clock.advance(Duration.ofHours(1));
            router.tick();

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            assertThat(eventsOf(RoutingEvent.ResponseDeadlineMissed.class)).isEmpty();
        }

        @Test
        void theOwnerWhoLetItLapse_doesNotGetItBack_evenWhenOnlyItHasRoom() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 0)).build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(5));

            router.tick();
            router.tick();

            assertThat(router.placement("c1")).hasValueSatisfying(placement -> assertThat(placement)
                    .isInstanceOfSatisfying(Placement.Waiting.class, waiting -> {
                        assertThat(waiting.entry().queue()).isEqualTo("waiting");
                        assertThat(waiting.entry().reason()).endsWith("held back from automatic assignment: ana let"
                                + " this conversation's response deadline lapse");
                    }));
            router.setCapacity("ben", Capacity.of(1));
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
        }

        @Test
        void bouncesPastTheMaximum_goToReview_andAreNotRoutedAgain_butCanBeClaimed() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 1), agent("cy", 1)).build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(5));
            router.tick();
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");

            clock.advance(Duration.ofMinutes(5));
            router.tick();
            router.tick();

            assertThat(router.placement("c1")).hasValueSatisfying(placement -> assertThat(placement)
                    .isInstanceOfSatisfying(Placement.Waiting.class, waiting -> {
                        assertThat(waiting.entry().queue()).isEqualTo("review");
                        assertThat(waiting.entry().reason()).endsWith("2 response deadlines missed");
                    }));
            assertThat(eventsOf(RoutingEvent.ResponseDeadlineMissed.class)).extracting(
                    RoutingEvent.ResponseDeadlineMissed::missed).containsExactly(1, 2);
            assertThat(eventsOf(RoutingEvent.Queued.class)).last().satisfies(queued -> assertThat(
                    queued.trace().explain()).startsWith("1. response-review queued in review: owner ben did not reply")
                    .endsWith("2 response deadlines missed"));
            assertThat(router.stats().rerouted()).isEqualTo(1);
            assertThat(router.claim("cy", "c1")).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void aPriorityWithoutADeadline_neverLapses() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 1)).build();
            router.route(conversation("c1").priority(Priority.LOW).build());

            clock.advance(Duration.ofDays(1));
            router.tick();

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void aTransferStartsANewDeadlineForTheNewOwner() {
            Router router = withDeadlines(agent("ana", 1), agent("ben", 1), agent("cy", 1)).build();
            router.route(conversation("c1").build());
            clock.advance(Duration.ofMinutes(4));
            router.transfer("c1", "ben", new Handoff("billing question", "", "call back"));

            clock.advance(Duration.ofMinutes(4));
            router.tick();
            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");

            clock.advance(Duration.ofMinutes(1));
            router.tick();
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void acknowledgingAWaitingOrUnknownConversation_isRefused() {
            Router router = withDeadlines(agent("ana", 0)).build();
            router.route(conversation("c1").build());

            assertThatThrownBy(() -> router.acknowledge("c1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conversationId 'c1' is waiting in a queue, not owned; only an owner replies");
            assertThatThrownBy(() -> router.acknowledge("nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("conversationId 'nope' is not open");
        }

        @Test
        void deadlinesNeedADeclaredReviewQueue() {
            assertThatThrownBy(() -> routerWith().responseDeadline(Priority.HIGH, Duration.ofMinutes(1)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("response deadlines need a review queue");
            assertThatThrownBy(() -> routerWith().responseDeadline(Priority.HIGH, Duration.ofMinutes(1))
                    .responseReview(2, "review").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("review queue 'review' for missed response deadlines is not declared by the plan");
            assertThatThrownBy(() -> routerWith().responseDeadline(Priority.HIGH, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("response deadline of priority HIGH must be positive, was PT0S");

            Router router = withDeadlines().build();
            RoutingPlan withoutReview = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(15))),
                    router.plan().rules());
            assertThatThrownBy(() -> router.replacePlan(withoutReview)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("review queue 'review' for missed response deadlines is not declared by the plan");
        }
    }

    @Nested
    class WorkingHours {
        private final WeeklySchedule nineToFive = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
                .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY).build();
        private final Owner ana = Owner.agent("ana").capacity(2).hours(nineToFive).build();

        @Test
        void anOwnerOutsideItsHours_getsNoNewWork_untilTheFirstTickAfterItOpens_andTheTraceSaysWhy() {
            Router router = routerWith(ana).build();

            assertThat(router.route(conversation("c1").build())).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.trace().explain()).isEqualTo("""
                            1. first-available passed (no capacity): nobody has room
                            2. fallback queued in waiting: no step could place the conversation (last: nobody has \
                            room); held back from automatic assignment: ana outside its working hours"""));
            clock.set(Instant.parse("2026-03-02T09:00:00Z"));
            router.tick();

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void keepsItsConversationsAfterHours_andMayStillClaim() {
            clock.set(Instant.parse("2026-03-02T16:59:00Z"));
            Router router = routerWith(ana).build();
            router.route(conversation("c1").build());
            clock.set(Instant.parse("2026-03-02T17:00:00Z"));

            router.route(conversation("c2").build());
            router.tick();

            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
            assertThat(router.claim("ana", "c2")).isInstanceOf(Decision.Assigned.class);
        }
    }

    @Nested
    class BusinessHours {
        private final WeeklySchedule clinicHours = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
                .open(LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.MONDAY).build();

        private Router clinic(Rule.AfterHours afterHours) {
            Rule desk = Rule.builder("desk").when(new Condition.Is("type", "booking")).owners("ana")
                    .chain(firstAvailable()).queue("desk").hours(clinicHours, afterHours).build();
            Rule night = Rule.builder("night").owners("ben").chain(firstAvailable()).queue("night").build();
            RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("desk", Duration.ofHours(1)),
                    new QueueSpec("night", Duration.ofHours(8))), List.of(desk, night));
            return Router.builder().clock(clock).owner(agent("ana", 5)).owner(agent("ben", 5)).plan(plan)
                    .listener(events::add).build();
        }

        @Test
        void aClosedRuleThatHolds_keepsTheConversationInItsQueue_untilTheFirstTickAfterItOpens() {
            Router router = clinic(Rule.AfterHours.HOLD);

            Decision decision = router.route(conversation("c1").type("booking").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("desk");
                assertThat(queued.trace().steps()).singleElement().satisfies(step -> {
                    assertThat(step.strategy()).isEqualTo("after-hours");
                    assertThat(step.verdict().reason()).isEqualTo(
                            "rule desk is outside its business hours; the conversation waits until it opens");
                });
            });
            clock.set(Instant.parse("2026-03-02T08:59:59Z"));
            router.tick();
            assertThat(router.placement("c1")).containsInstanceOf(Placement.Waiting.class);
            clock.set(Instant.parse("2026-03-02T09:00:00Z"));
            router.tick();
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c1");
        }

        @Test
        void aClosedRuleThatSendsOn_letsTheNextMatchingRuleDecide() {
            Router router = clinic(Rule.AfterHours.NEXT_RULE);

            router.route(conversation("c1").type("booking").build());
            clock.set(Instant.parse("2026-03-02T09:00:00Z"));
            router.route(conversation("c2").type("booking").build());

            assertThat(router.ownerStatus("ben").conversationIds()).containsExactly("c1");
            assertThat(router.ownerStatus("ana").conversationIds()).containsExactly("c2");
        }
    }
}

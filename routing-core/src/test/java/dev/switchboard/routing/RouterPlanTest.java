package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Routing by a plan of rules: which rule decides, among which owners, where the unmatched go, and replacing it. */
class RouterPlanTest {

    private final ManualClock clock = new ManualClock(START);

    private static final List<QueueSpec> QUEUES = List.of(new QueueSpec("complaints", Duration.ofMinutes(30)),
            new QueueSpec("scheduling", Duration.ofMinutes(15)), new QueueSpec("review", Duration.ofHours(4)));

    /**
     * Complaints to the manager, bookings to lucia and tom, the rest to review. A plan names only owners on the
     * roster, so tests that leave one of them out give it no capacity instead.
     */
    private static RoutingPlan clinic() {
        return new RoutingPlan(QUEUES, List.of(
                Rule.builder("complaints").when(new Condition.Is("type", "complaint")).owners("manager")
                        .chain(firstAvailable()).queue("complaints").note("call back within the hour").build(),
                Rule.builder("bookings").when(new Condition.Is("type", "scheduling")).owners("lucia", "tom")
                        .chain(firstAvailable()).queue("scheduling").build(),
                Rule.builder("review").queue("review").build()));
    }

    private Router router(RoutingPlan plan, Owner... owners) {
        Router.Builder builder = Router.builder().clock(clock).plan(plan);
        for (Owner owner : owners) {
            builder.owner(owner);
        }
        return builder.build();
    }

    private static String ownerOf(Router router, String id) {
        return ((Placement.Owned) router.placement(id).orElseThrow()).ownerId();
    }

    @Nested
    class Rules {
        @Test
        void theFirstMatchingRuleDecides_andTheTraceSaysWhichAndWhy() {
            Router router = router(clinic(), agent("lucia", 2), agent("manager", 2), agent("tom", 0));

            Decision decision = router.route(conversation("c1").type("complaint").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class,
                    assigned -> assertThat(assigned.ownerId()).isEqualTo("manager"));
            assertThat(decision.trace().rule()).contains(
                    new Trace.RuleMatch("complaints", "type = complaint (note: call back within the hour)"));
            assertThat(decision.trace().explain()).isEqualTo("""
                    1. rule complaints matched: type = complaint (note: call back within the hour)
                    2. first-available assigned manager: first owner with room""");
        }

        @Test
        void aRulesChainChoosesOnlyAmongItsOwners_andElseTheConversationWaitsInTheRulesQueue() {
            Router router = router(clinic(), agent("manager", 5), agent("lucia", 0), agent("tom", 0));

            Decision decision = router.route(conversation("c1").type("scheduling").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class, queued -> {
                assertThat(queued.queue()).isEqualTo("scheduling");
                assertThat(queued.slaDeadline()).isEqualTo(START.plus(Duration.ofMinutes(15)));
            });
            assertThat(router.ownerStatus("manager").load()).isZero();
        }

        @Test
        void aConversationNoOtherRuleMatches_goesToTheLastRulesQueue() {
            Router router = router(clinic(), agent("lucia", 2), agent("manager", 0), agent("tom", 0));

            Decision decision = router.route(conversation("c1").type("pricing").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("review"));
            assertThat(decision.trace().explain()).isEqualTo("""
                    1. rule review matched: no earlier rule matched
                    2. fallback queued in review: this rule picks no owner: the conversation waits here to be claimed \
                    or reviewed""");
        }

        @Test
        void aRulesQueueIsDrained_whenOneOfItsOwnersGetsRoom_notWhenAnotherOwnerDoes() {
            Router router = router(clinic(), agent("lucia", 1), agent("manager", 1), agent("tom", 0));
            router.route(conversation("booking-1").type("scheduling").build());
            router.route(conversation("complaint-1").type("complaint").build());
            router.route(conversation("booking-2").type("scheduling").build());

            router.release("complaint-1");
            assertThat(router.placement("booking-2")).containsInstanceOf(Placement.Waiting.class);

            router.release("booking-1");
            assertThat(ownerOf(router, "booking-2")).isEqualTo("lucia");
        }

        @Test
        void eachRuleKeepsItsOwnRotation() {
            RoutingPlan plan = new RoutingPlan(QUEUES, List.of(
                    Rule.builder("complaints").when(new Condition.Is("type", "complaint"))
                            .chain(TestStrategies.rotation()).queue("complaints").build(),
                    Rule.builder("rest").chain(TestStrategies.rotation()).queue("review").build()));
            Router router = router(plan, agent("ana", 5), agent("ben", 5));

            router.route(conversation("complaint-1").type("complaint").build());
            router.route(conversation("complaint-2").type("complaint").build());
            router.route(conversation("question-1").build());

            assertThat(ownerOf(router, "complaint-1")).isEqualTo("ana");
            assertThat(ownerOf(router, "complaint-2")).isEqualTo("ben");
            assertThat(ownerOf(router, "question-1")).as("a rotation of its own").isEqualTo("ana");
        }

        @Test
        void aPlanOfOneRule_leavesTheRuleOutOfTheTrace() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).chain(firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(5)).build();

            assertThat(router.route(conversation("c1").build()).trace().rule()).isEmpty();
            assertThat(router.plan().rules()).singleElement().satisfies(rule -> {
                assertThat(rule.when()).isEmpty();
                assertThat(rule.owners()).isEmpty();
                assertThat(rule.queue()).isEqualTo("waiting");
            });
        }

        @Test
        void aStepThatSendsToAQueueThePlanDoesNotDeclare_isSkipped_andTheNextStepDecides() {
            Router router = Router.builder().clock(clock).owner(agent("ana", 1))
                    .chain(TestStrategies.typeToQueue("complaint", "nowhere"), firstAvailable())
                    .fallbackQueue("waiting", Duration.ofMinutes(5)).build();
            CapturedLogs.clear();

            Decision decision = router.route(conversation("c1").type("complaint").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Assigned.class, assigned -> {
                assertThat(assigned.ownerId()).isEqualTo("ana");
                assertThat(assigned.trace().steps().get(0).verdict()).isEqualTo(Verdict.pass(PassReason.FAULTY_STEP,
                        "the step sent the conversation to queue 'nowhere', which the plan does not declare; skipped"));
            });
            assertThat(CapturedLogs.lines()).singleElement()
                    .satisfies(line -> assertThat(line.message()).contains("'review-complaint'", "'nowhere'"));
        }

        @Test
        void aRouterTakesAPlanOrAChain_notBoth() {
            assertThatThrownBy(() -> Router.builder().plan(clinic()).chain(firstAvailable()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
            assertThatThrownBy(() -> Router.builder().plan(clinic()).queue("extra", Duration.ofMinutes(1)).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        }
    }

    @Nested
    class ReplacingThePlan {
        private final RoutingPlan complaintsToReview = new RoutingPlan(QUEUES, List.of(
                Rule.builder("bookings").when(new Condition.Is("type", "scheduling")).owners("lucia", "tom", "manager")
                        .chain(firstAvailable()).queue("scheduling").build(),
                Rule.builder("review").queue("review").build()));

        @Test
        void newDecisionsFollowTheNewRules_andOwnedConversationsStayWithTheirOwners() {
            Router router = router(clinic(), agent("manager", 3), agent("lucia", 0), agent("tom", 0));
            router.route(conversation("complaint-1").type("complaint").build());

            router.replacePlan(complaintsToReview);
            Decision next = router.route(conversation("complaint-2").type("complaint").build());

            assertThat(ownerOf(router, "complaint-1")).isEqualTo("manager");
            assertThat(next).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo("review"));
            assertThat(router.plan()).isEqualTo(complaintsToReview);
        }

        @Test
        void waitingConversationsAreDecidedAgainAtOnce_underTheNewRules() {
            Router router = router(clinic(), agent("manager", 3), agent("lucia", 0), agent("tom", 0));
            router.route(conversation("booking-1").type("scheduling").build());

            router.replacePlan(complaintsToReview);

            assertThat(ownerOf(router, "booking-1")).isEqualTo("manager");
            assertThat(router.waiting()).isEmpty();
        }

        @Test
        void aConversationHeldInAQueueTheNewPlanDropsMovesToItsRulesQueue() {
            RoutingPlan holding = new RoutingPlan(List.of(new QueueSpec("old", Duration.ofMinutes(5))),
                    List.of(Rule.builder("all").chain(TestStrategies.holdAll()).queue("old").build()));
            RoutingPlan renamed = new RoutingPlan(List.of(new QueueSpec("new", Duration.ofMinutes(5))),
                    List.of(Rule.builder("all").chain(TestStrategies.holdAll()).queue("new").build()));
            Router router = router(holding, agent("ana", 1));
            router.route(conversation("c1").build());

            router.replacePlan(renamed);

            assertThat(router.waiting()).singleElement().satisfies(entry -> {
                assertThat(entry.queue()).isEqualTo("new");
                assertThat(entry.reason()).isEqualTo("waiting for a person");
            });
        }

        @Test
        void refusesNoPlan_andKeepsTheOneInForce() {
            Router router = router(clinic(), agent("manager", 0), agent("lucia", 0), agent("tom", 0));

            assertThatThrownBy(() -> router.replacePlan(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("plan must not be null");
            assertThat(router.plan().rules()).extracting(Rule::name)
                    .containsExactly("complaints", "bookings", "review");
        }
    }
}

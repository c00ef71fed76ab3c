package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static dev.switchboard.routing.TestStrategies.agent;
import static dev.switchboard.routing.TestStrategies.conversation;
import static dev.switchboard.routing.TestStrategies.firstAvailable;
import static dev.switchboard.routing.TestStrategies.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The live state the everyday measures read and the holds they add: releases, wrap-up, daily caps, a customer's
 * primary owner, a rule's requirements, and serving waiting conversations by their last activity.
 */
class RouterWorkloadTest {

    private static final String WAITING = "waiting";

    private final ManualClock clock = new ManualClock(START);

    private Router.Builder router(Strategy... chain) {
        return Router.builder().clock(clock).chain(chain).fallbackQueue(WAITING, Duration.ofMinutes(30));
    }

    /** A step that records the candidates it saw and passes. */
    private static final class Recorder implements Strategy {
        final List<List<Candidate>> seen = new ArrayList<>();
        private final Duration window;

        Recorder(Duration window) {
            this.window = window;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Verdict decide(Conversation conversation, RoutingView view) {
            seen.add(view.candidates());
            return Verdict.pass(PassReason.NOT_APPLICABLE, "recorded");
        }

        @Override
        public Duration completionWindow() {
            return window;
        }

        Candidate last(String ownerId) {
            return seen.get(seen.size() - 1).stream().filter(candidate -> candidate.id().equals(ownerId))
                    .findFirst().orElseThrow();
        }
    }

    @Nested
    class Releases {

        @Test
        void aReleaseIsRecorded_asTheLastRelease_andAmongTheCompletionsTheStrategiesAskFor() {
            Recorder recorder = new Recorder(Duration.ofHours(1));
            Router router = router(recorder, firstAvailable()).owner(agent("ana", 3)).build();
            router.route(conversation("c1").build());
            router.route(conversation("c2").build());
            clock.advance(Duration.ofMinutes(5));
            router.release("c1");
            clock.advance(Duration.ofMinutes(5));
            router.release("c2");

            router.route(conversation("c3").build());

            Candidate ana = recorder.last("ana");
            assertThat(ana.lastReleasedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(ana.completedAt()).containsExactly(START.plus(Duration.ofMinutes(5)),
                    START.plus(Duration.ofMinutes(10)));
            assertThat(ana.completedSince(START.plus(Duration.ofMinutes(6)))).isEqualTo(1);
        }

        @Test
        void transfersAndReroutesAreNotReleases() {
            Recorder recorder = new Recorder(Duration.ofHours(1));
            Router router = router(recorder, firstAvailable()).owner(agent("ana", 1)).owner(agent("ben", 1)).build();
            router.route(conversation("c1").build());
            router.transfer("c1", "ben", new Handoff("billing question", "", "refund the invoice"));

            router.route(conversation("c2").build());

            assertThat(recorder.last("ana").lastReleasedAt()).isEqualTo(Instant.MIN);
            assertThat(recorder.last("ana").completedAt()).isEmpty();
        }

        @Test
        void completionsAreKeptOnlyAsFarBackAsTheLongestWindowOfThePlan() {
            Recorder recorder = new Recorder(Duration.ofMinutes(30));
            Router router = router(recorder, firstAvailable()).owner(agent("ana", 1)).build();
            for (int i = 0; i < 3; i++) {
                router.route(conversation("c" + i).build());
                router.release("c" + i);
                clock.advance(Duration.ofMinutes(20));
            }

            router.route(conversation("next").build());

            assertThat(recorder.last("ana").completedAt()).containsExactly(START.plus(Duration.ofMinutes(20)),
                    START.plus(Duration.ofMinutes(40)));
        }

        @Test
        void noCompletionsAreKept_whenNoStepReadsThem() {
            Recorder recorder = new Recorder(Duration.ZERO);
            Router router = router(recorder, firstAvailable()).owner(agent("ana", 1)).build();
            router.route(conversation("c1").build());
            router.release("c1");

            router.route(conversation("c2").build());

            assertThat(recorder.last("ana").completedAt()).isEmpty();
            assertThat(recorder.last("ana").lastReleasedAt()).isEqualTo(START);
        }
    }

    @Nested
    class HeldBack {

        @Test
        void theFallbackNamesEveryOwnerHeldBack_inRosterOrder_acrossTheRostersWords() {
            Router.Builder builder = router(firstAvailable());
            for (int i = 0; i < 70; i++) {
                boolean optedOut = i == 3 || i == 68;
                builder.owner(Owner.agent("agent-" + i).capacity(optedOut ? 5 : 0).autoAssign(!optedOut).build());
            }
            builder.owner(Owner.agent("zoe").capacity(0).build());
            Router router = builder.build();

            Decision waiting = router.route(conversation("c1").build());

            assertThat(waiting).isInstanceOf(Decision.Queued.class);
            assertThat(waiting.trace().explain()).endsWith("; held back from automatic assignment: agent-3 opted out"
                    + " of automatic assignment, agent-68 opted out of automatic assignment");
        }
    }

    @Nested
    class WrapUp {

        @Test
        void afterARelease_theOwnerIsHeldBack_withTheReason_andTheTickAfterTheWrapUpDrainsToIt() {
            Router router = router(firstAvailable()).owner(agent("ana", 1)).wrapUp(Duration.ofMinutes(2)).build();
            router.route(conversation("c1").build());
            router.release("c1");

            Decision waiting = router.route(conversation("c2").build());
            clock.advance(Duration.ofMinutes(1));
            router.tick();
            Placement stillWaiting = router.placement("c2").orElseThrow();
            clock.advance(Duration.ofMinutes(1));
            router.tick();

            assertThat(waiting).isInstanceOf(Decision.Queued.class);
            assertThat(waiting.trace().explain()).contains("held back from automatic assignment: ana is wrapping up"
                    + " its last conversation until 2026-03-02T08:02:00Z");
            assertThat(stillWaiting).isInstanceOf(Placement.Waiting.class);
            assertThat(router.placement("c2").orElseThrow()).isEqualTo(new Placement.Owned(
                    ((Placement.Waiting) stillWaiting).entry().conversation(), "ana"));
        }

        @Test
        void anOwnersOwnWrapUpReplacesTheRoutersDefault_andZeroMeansNone() {
            Router router = router(firstAvailable())
                    .owner(Owner.agent("ana").capacity(1).wrapUp(Duration.ZERO).build())
                    .wrapUp(Duration.ofMinutes(5)).build();
            router.route(conversation("c1").build());
            router.release("c1");

            assertThat(router.route(conversation("c2").build())).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void anOwnerWrappingUpMayStillClaim() {
            Router router = router(firstAvailable()).owner(agent("ana", 1)).wrapUp(Duration.ofMinutes(2)).build();
            router.route(conversation("c1").build());
            router.release("c1");
            router.route(conversation("c2").build());

            assertThat(router.claim("ana", "c2")).isInstanceOf(Decision.Assigned.class);
        }

        @Test
        void aNegativeWrapUpIsRefused_namingTheField() {
            assertThatThrownBy(() -> Router.builder().wrapUp(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("wrapUp must not be negative, was PT-1S");
            assertThatThrownBy(() -> Owner.agent("ana").wrapUp(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("wrapUp of owner 'ana' must not be negative, was PT-1S");
        }
    }

    @Nested
    class DailyCaps {

        private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

        @Test
        void anOwnerAtItsDailyCapWaitsForLocalMidnight_countingWhateverItReceived() {
            clock.set(Instant.parse("2026-07-01T22:00:00Z")); // 23:00 in Lisbon (summer time)
            Router router = router(firstAvailable())
                    .owner(Owner.agent("ana").capacity(5).dailyCap(2, LISBON).build()).build();
            router.route(conversation("c1").createdAt(clock.instant()).build());
            router.route(conversation("c2").createdAt(clock.instant()).build());

            Decision third = router.route(conversation("c3").createdAt(clock.instant()).build());
            clock.set(Instant.parse("2026-07-01T22:59:59Z"));
            router.tick();
            Placement beforeMidnight = router.placement("c3").orElseThrow();
            clock.set(Instant.parse("2026-07-01T23:00:00Z")); // midnight in Lisbon, still July 1st in UTC
            router.tick();

            assertThat(third.trace().explain()).contains("ana at its daily cap of 2 new conversations (2026-07-01 in"
                    + " Europe/Lisbon)");
            assertThat(beforeMidnight).isInstanceOf(Placement.Waiting.class);
            assertThat(router.placement("c3").orElseThrow()).isInstanceOf(Placement.Owned.class);
        }

        @Test
        void aDailyCapNeedsAPositiveLimitAndAZone() {
            assertThatThrownBy(() -> Owner.agent("ana").dailyCap(0, LISBON))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit of daily cap must be positive, was 0");
            assertThatThrownBy(() -> new DailyCap(3, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("zone of daily cap must not be null");
        }
    }

    @Nested
    class PrimaryOwner {

        /**
         * Notes what each conversation's first decision saw (a route that does not assign on the shared path is
         * decided again under the exclusive lock, on the same state).
         */
        private Strategy remembered(Map<String, String> seen) {
            return strategy("remember", (conversation, view) -> {
                seen.putIfAbsent(conversation.id(), view.primaryOwner(conversation.customerId()).orElse("-") + "/"
                        + view.previousOwner(conversation.customerId()).orElse("-"));
                return Verdict.pass(PassReason.NOT_APPLICABLE, "noted");
            });
        }

        /** Routes a conversation of customer m to {@code owner} by a claim from the queue. */
        private void servedBy(Router router, String id, String owner) {
            router.route(conversation(id).customer("m").build());
            router.claim(owner, id);
            router.release(id);
        }

        @Test
        void oneFallThroughKeepsThePrimary_twoInARowMoveIt() {
            Map<String, String> seen = new LinkedHashMap<>();
            Router router = Router.builder().clock(clock).owner(agent("ana", 1)).owner(agent("ben", 1))
                    .chain(remembered(seen)).fallbackQueue(WAITING, Duration.ofMinutes(30)).build();

            servedBy(router, "c1", "ana");
            servedBy(router, "c2", "ben");
            servedBy(router, "c3", "ana");
            servedBy(router, "c4", "ben");
            servedBy(router, "c5", "ben");
            router.route(conversation("c6").customer("m").build());

            assertThat(seen.values()).containsExactly("-/-", "ana/ana", "ana/ben", "ana/ana", "ana/ben", "ben/ben");
        }

        @Test
        void aSnapshotsPrimaryOwnerIsItsPreviousOwner_unlessItNamesOne() {
            RoutingSnapshot plain = new RoutingSnapshot(START, List.of(), Map.of("m", "ben"), Map.of());
            RoutingSnapshot named = new RoutingSnapshot(START, List.of(), Map.of("m", "ben"), Map.of(),
                    Map.of("m", "ana"));

            assertThat(plain.primaryOwner("m")).contains("ben");
            assertThat(named.primaryOwner("m")).contains("ana");
            assertThat(named.withCursors(Map.of("k", 1L)).primaryOwner("m")).contains("ana");
        }
    }

    @Nested
    class RuleRequirements {

        private final Owner english = Owner.agent("ed").capacity(3).languages("en").regions("eu")
                .skill("billing", 1).build();
        private final Owner spanish = Owner.agent("sol").capacity(3).languages("es").regions("eu")
                .skill("billing", 3).build();

        private Router plan(Rule.Requirement... requires) {
            Rule rule = Rule.builder("everyone").chain(firstAvailable()).queue(WAITING).requires(requires).build();
            return Router.builder().clock(clock).owner(english).owner(spanish)
                    .plan(new RoutingPlan(List.of(new QueueSpec(WAITING, Duration.ofMinutes(30))), List.of(rule)))
                    .build();
        }

        @Test
        void aStepThatLooksAtNothingStillGetsOnlyOwnersThatSpeakTheLanguage() {
            Router router = plan(Rule.Requirement.LANGUAGE);

            Decision spanishConversation = router.route(conversation("c1").language("es").build());
            Decision anyConversation = router.route(conversation("c2").build());

            assertThat(((Decision.Assigned) spanishConversation).ownerId()).isEqualTo("sol");
            assertThat(((Decision.Assigned) anyConversation).ownerId()).isEqualTo("ed");
        }

        @Test
        void withoutTheRequirement_theSameStepTakesTheFirstOwner() {
            Decision decision = plan().route(conversation("c1").language("es").build());

            assertThat(((Decision.Assigned) decision).ownerId()).isEqualTo("ed");
        }

        @Test
        void requiredSkillsApply_optionalOnesDoNot() {
            Router router = plan(Rule.Requirement.SKILLS);

            Decision required = router.route(conversation("c1").requires("billing", 2).build());
            Decision optional = router.route(conversation("c2").require(SkillRequirement.preferred("billing", 2))
                    .build());

            assertThat(((Decision.Assigned) required).ownerId()).isEqualTo("sol");
            assertThat(((Decision.Assigned) optional).ownerId()).isEqualTo("ed");
        }

        @Test
        void aRuleRequiringSkills_leavesTheScoreAStepAskedForAsItWas() {
            Rule rule = Rule.builder("r").chain(strategy("scores", (conversation, view) -> {
                Eligible eligible = view.eligible(Requirements.NONE, BusyPolicy.EXCLUDE);
                return eligible.next() ? new Verdict.Assign(eligible.owner().id(), "score " + eligible.score(),
                        Map.of()) : Verdict.pass(PassReason.NO_MATCH, "nobody");
            })).queue(WAITING).requires(Rule.Requirement.SKILLS).build();
            Router router = Router.builder().clock(clock).owner(spanish)
                    .plan(new RoutingPlan(List.of(new QueueSpec(WAITING, Duration.ofMinutes(30))), List.of(rule)))
                    .build();

            Decision decision = router.route(conversation("c1").requires("billing", 1).build());

            assertThat(decision.trace().steps().get(0).verdict().reason()).isEqualTo("score 0");
        }

        @Test
        void anOwnerCoveringSeveralRegions_meetsAStepsRegionAndTheRulesAtOnce() {
            Owner both = Owner.agent("eva").capacity(1).regions("eu", "us").build();
            Strategy usOnly = strategy("us-only", (conversation, view) -> {
                Eligible eligible = view.eligible(new Requirements(List.of(), "", "us"), BusyPolicy.EXCLUDE);
                return eligible.next() ? new Verdict.Assign(eligible.owner().id(), "covers us", Map.of())
                        : Verdict.pass(PassReason.NO_MATCH, "nobody covers us");
            });
            Rule rule = Rule.builder("r").chain(usOnly).queue(WAITING).requires(Rule.Requirement.REGION).build();
            Router router = Router.builder().clock(clock).owner(english).owner(both)
                    .plan(new RoutingPlan(List.of(new QueueSpec(WAITING, Duration.ofMinutes(30))), List.of(rule)))
                    .build();

            Decision decision = router.route(conversation("c1").region("eu").build());

            assertThat(((Decision.Assigned) decision).ownerId()).isEqualTo("eva");
        }

        @Test
        void aConversationNobodyMeetsWaits_andAStepThatAssignsSomeoneElseIsSkippedWithTheReason() {
            Strategy stubborn = strategy("stubborn", (conversation, view) ->
                    new Verdict.Assign("ed", "always ed", Map.of()));
            Rule rule = Rule.builder("r").chain(stubborn).queue(WAITING).requires(Rule.Requirement.REGION).build();
            Router router = Router.builder().clock(clock).owner(english)
                    .plan(new RoutingPlan(List.of(new QueueSpec(WAITING, Duration.ofMinutes(30))), List.of(rule)))
                    .build();

            Decision decision = router.route(conversation("c1").region("us").build());

            assertThat(decision).isInstanceOfSatisfying(Decision.Queued.class,
                    queued -> assertThat(queued.queue()).isEqualTo(WAITING));
            assertThat(decision.trace().explain()).contains("stubborn passed (faulty step)",
                    "does not meet what rule r requires: it is not among the owners covering us");
            assertThat(router.placement("c1")).containsInstanceOf(Placement.Waiting.class);
            assertThat(router.ownerStatus("ed").load()).isZero();
        }
    }

    @Nested
    class ServingByLastActivity {

        /** At 08:20, "older" (created 08:00, the customer wrote at 08:19) and "newer" (created 08:10, quiet since). */
        private void routeOlderThenNewer(Router router) {
            clock.set(START.plus(Duration.ofMinutes(20)));
            router.route(conversation("older").lastActivityAt(START.plus(Duration.ofMinutes(19))).build());
            router.route(conversation("newer").createdAt(START.plus(Duration.ofMinutes(10))).build());
        }

        @Test
        void theConversationQuietLongestIsServedFirst_whateverItsCreation() {
            Router router = router(firstAvailable()).owner(agent("ana", 1), Presence.AWAY)
                    .serveByLastActivity(true).build();
            routeOlderThenNewer(router);

            router.setPresence("ana", Presence.ONLINE);

            assertThat(router.placement("newer").orElseThrow()).isInstanceOf(Placement.Owned.class);
            assertThat(router.waiting()).extracting(entry -> entry.conversation().id()).containsExactly("older");
        }

        @Test
        void byDefault_theOldestConversationIsServedFirst() {
            Router router = router(firstAvailable()).owner(agent("ana", 1), Presence.AWAY).build();
            routeOlderThenNewer(router);

            router.setPresence("ana", Presence.ONLINE);

            assertThat(router.placement("older").orElseThrow()).isInstanceOf(Placement.Owned.class);
        }

        @Test
        void lastActivityDefaultsToCreation_andMayNotPrecedeIt() {
            assertThat(conversation("c1").build().lastActivityAt()).isEqualTo(START);
            assertThatThrownBy(() -> conversation("c1").lastActivityAt(START.minusSeconds(1)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lastActivityAt of conversation 'c1' must not be before its createdAt"
                            + " 2026-03-02T08:00:00Z, was 2026-03-02T07:59:59Z");
        }

        @Test
        void preferredOwnersAreKeptInOrder_eachOnce() {
            assertThat(conversation("c1").preferredOwners("ben", "ana").build().preferredOwners())
                    .containsExactly("ben", "ana");
            assertThatThrownBy(() -> conversation("c1").preferredOwners("ben", "ben").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("preferredOwners of conversation 'c1' name owner 'ben' twice");
        }
    }
}

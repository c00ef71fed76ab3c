package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.NOW;
import static dev.switchboard.routing.strategy.Fixtures.candidate;
import static dev.switchboard.routing.strategy.Fixtures.conversationBuilder;
import static dev.switchboard.routing.strategy.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.strategy.SkillBased.Relaxation;
import dev.switchboard.routing.strategy.SkillBased.TieBreak;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SkillBasedTest {

    private final SkillBased skillBased = SkillBased.builder().build();

    private static Candidate online(Owner owner, long position) {
        return candidate(owner, position, Presence.ONLINE, 0);
    }

    private static Verdict.Assign assigned(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Assign.class);
        return (Verdict.Assign) verdict;
    }

    private static Verdict.Pass passed(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Pass.class);
        return (Verdict.Pass) verdict;
    }

    /** A snapshot at {@code waited} after the conversations' creation time. */
    private static RoutingSnapshot after(Duration waited, Candidate... candidates) {
        return RoutingSnapshot.of(NOW.plus(waited), List.of(candidates));
    }

    @Nested
    class Matching {

        private final Conversation billing = conversationBuilder("c").requires("billing", 3).build();

        @Test
        void needsEverySkillAtOrAboveItsMinimum() {
            Conversation both = conversationBuilder("c").requires("billing", 3).requires("tech", 1).build();
            Candidate weak = online(Owner.agent("weak").skill("billing", 2).skill("tech", 5).build(), 0);
            Candidate partial = online(Owner.agent("partial").skill("billing", 5).build(), 1);
            Candidate exact = online(Owner.agent("exact").skill("billing", 3).skill("tech", 1).build(), 2);

            assertThat(assigned(skillBased.decide(both, snapshot(List.of(weak, partial, exact)))).ownerId())
                    .isEqualTo("exact");
        }

        @Test
        void anOwnerWithoutTheSkillNeverMatches_evenForAMinimumOfZero() {
            Conversation anyLevel = conversationBuilder("c").requires("billing", 0).build();
            Candidate without = online(Owner.agent("without").skill("tech", 5).build(), 0);

            assertThat(passed(skillBased.decide(anyLevel, snapshot(List.of(without)))).code())
                    .isEqualTo(PassReason.NO_MATCH);
        }

        @Test
        void needsTheConversationsLanguage_whenItHasOne() {
            Conversation spanish = conversationBuilder("c").requires("billing", 3).language("es").build();
            Candidate english = online(Owner.agent("en").skill("billing", 5).languages("en").build(), 0);
            Candidate bilingual = online(Owner.agent("es").skill("billing", 3).languages("en", "es").build(), 1);

            assertThat(assigned(skillBased.decide(spanish, snapshot(List.of(english, bilingual)))).ownerId())
                    .isEqualTo("es");
            assertThat(assigned(skillBased.decide(billing, snapshot(List.of(english, bilingual)))).ownerId())
                    .as("no language means any")
                    .isEqualTo("en");
        }

        @Test
        void needsTheConversationsRegion_whenItHasOne() {
            Conversation north = conversationBuilder("c").requires("billing", 3).region("north").build();
            Candidate south = online(Owner.agent("south").skill("billing", 5).regions("south").build(), 0);
            Candidate both = online(Owner.agent("both").skill("billing", 3).regions("south", "north").build(), 1);

            assertThat(assigned(skillBased.decide(north, snapshot(List.of(south, both)))).ownerId())
                    .isEqualTo("both");
        }

        @Test
        void treatsOffersAsSkills() {
            Conversation consulting = conversationBuilder("c").requires("offer:consulting", 1).build();
            Candidate seller = online(Owner.agent("seller").skill("offer:licences", 5).build(), 0);
            Candidate consultant = online(Owner.agent("consultant").skill("offer:consulting", 1).build(), 1);

            assertThat(assigned(skillBased.decide(consulting, snapshot(List.of(seller, consultant)))).ownerId())
                    .isEqualTo("consultant");
        }

        @Test
        void anyOwnerMatches_whenNothingIsRequired() {
            Candidate anyone = online(Owner.agent("anyone").build(), 0);

            assertThat(assigned(skillBased.decide(Fixtures.conversation("c"), snapshot(List.of(anyone)))).reason())
                    .isEqualTo("best skill match (score 0), every requirement met");
        }
    }

    @Nested
    class Scoring {

        @Test
        void aStrongerMatchWins_overRosterOrder() {
            Conversation conversation = conversationBuilder("c").requires("billing", 2).requires("tech", 1).build();
            Candidate bare = online(Owner.agent("bare").skill("billing", 2).skill("tech", 1).build(), 0);
            Candidate strong = online(Owner.agent("strong").skill("billing", 5).skill("tech", 4).build(), 1);

            Verdict.Assign assign = assigned(skillBased.decide(conversation, snapshot(List.of(bare, strong))));

            assertThat(assign.ownerId()).isEqualTo("strong");
            assertThat(assign.reason()).isEqualTo("best skill match (score 9), every requirement met");
        }

        @Test
        void countsOnlyTheSkillsTheConversationNeeds() {
            Conversation conversation = conversationBuilder("c").requires("billing", 1).build();
            Candidate generalist = online(Owner.agent("generalist").skill("billing", 2).skill("tech", 5).build(), 0);
            Candidate specialist = online(Owner.agent("specialist").skill("billing", 4).build(), 1);

            assertThat(assigned(skillBased.decide(conversation, snapshot(List.of(generalist, specialist)))).ownerId())
                    .isEqualTo("specialist");
        }

        @Test
        void aStrongerMatchWhoCannotTakeItIsPassedOver() {
            Conversation conversation = conversationBuilder("c").requires("billing", 1).build();
            Candidate fullExpert = candidate(Owner.agent("expert").skill("billing", 5).capacity(2).build(), 0,
                    Presence.ONLINE, 2);
            Candidate junior = online(Owner.agent("junior").skill("billing", 1).build(), 1);

            assertThat(assigned(skillBased.decide(conversation, snapshot(List.of(fullExpert, junior)))).ownerId())
                    .isEqualTo("junior");
        }
    }

    @Nested
    class TieBreaks {

        private final Conversation conversation = conversationBuilder("c").requires("billing", 1).build();

        private Candidate billingAgent(String id, long position, int capacity, int load, Instant lastAssignedAt) {
            Owner owner = Owner.agent(id).skill("billing", 3).capacity(capacity).build();
            return new Candidate(owner, position, Presence.ONLINE, load, capacity - load, lastAssignedAt);
        }

        @Test
        void leastLoaded_picksTheLowestUtilisation() {
            Candidate busier = billingAgent("busier", 0, 5, 2, Instant.MIN);
            Candidate roomier = billingAgent("roomier", 1, 10, 3, Instant.MIN);

            Verdict.Assign assign = assigned(skillBased.decide(conversation, snapshot(List.of(busier, roomier))));

            assertThat(assign.ownerId()).isEqualTo("roomier");
            assertThat(assign.reason()).endsWith("; 2 owners tied, least loaded chosen");
            assertThat(assign.cursors()).isEmpty();
        }

        @Test
        void longestIdle_picksTheOldestLastAssignment_andNeverAssignedFirst() {
            SkillBased longestIdle = SkillBased.builder().tieBreak(TieBreak.LONGEST_IDLE).build();
            Candidate recent = billingAgent("recent", 0, 5, 0, NOW.minusSeconds(60));
            Candidate never = billingAgent("never", 1, 5, 0, Instant.MIN);
            Candidate earlier = billingAgent("earlier", 2, 5, 0, NOW.minusSeconds(600));

            assertThat(assigned(longestIdle.decide(conversation, snapshot(List.of(recent, never, earlier)))).ownerId())
                    .isEqualTo("never");
            assertThat(assigned(longestIdle.decide(conversation, snapshot(List.of(recent, earlier)))).ownerId())
                    .isEqualTo("earlier");
        }

        @Test
        void roundRobin_takesTurnsAmongTheBestOnly() {
            SkillBased rotating = SkillBased.builder().name("skills").tieBreak(TieBreak.ROUND_ROBIN).build();
            Candidate weaker = online(Owner.agent("weaker").skill("billing", 1).build(), 0);
            List<Candidate> roster = List.of(weaker, billingAgent("a", 1, 5, 0, Instant.MIN),
                    billingAgent("b", 2, 5, 0, Instant.MIN), billingAgent("c", 3, 5, 0, Instant.MIN));

            assertThat(RoundRobinTest.rotate(rotating, conversation, snapshot(roster), 5))
                    .containsExactly("a", "b", "c", "a", "b");
        }

        @Test
        void roundRobin_movesItsCursorPastTheChosenOwner() {
            SkillBased rotating = SkillBased.builder().name("skills").tieBreak(TieBreak.ROUND_ROBIN).build();
            List<Candidate> roster = List.of(billingAgent("a", 4, 5, 0, Instant.MIN),
                    billingAgent("b", 7, 5, 0, Instant.MIN));

            Verdict.Assign assign = assigned(rotating.decide(conversation,
                    snapshot(roster).withCursors(Map.of("skills", 5L))));

            assertThat(assign.ownerId()).isEqualTo("b");
            assertThat(assign.cursors()).isEqualTo(Map.of("skills", 8L));
            assertThat(assign.reason()).endsWith("; 2 owners tied, next in rotation chosen");
        }

        @Test
        void rosterOrderSettlesWhatTheRuleLeavesTied() {
            List<Candidate> twins = List.of(billingAgent("first", 0, 5, 1, Instant.MIN),
                    billingAgent("second", 1, 5, 1, Instant.MIN));

            for (TieBreak rule : List.of(TieBreak.LEAST_LOADED, TieBreak.LONGEST_IDLE)) {
                SkillBased strategy = SkillBased.builder().tieBreak(rule).build();
                assertThat(assigned(strategy.decide(conversation, snapshot(twins))).ownerId()).as("%s", rule)
                        .isEqualTo("first");
            }
        }
    }

    @Nested
    class RelaxingOverTime {

        private final SkillBased relaxing = SkillBased.builder()
                .relax(Relaxation.afterWaiting(Duration.ofMinutes(2)).lowerMinimumsBy(1))
                .relax(Relaxation.afterWaiting(Duration.ofMinutes(5)).lowerMinimumsBy(1).dropOptional())
                .build();

        /** Needs billing 3 and would like tech 2. */
        private final Conversation conversation = conversationBuilder("c")
                .requires("billing", 3).require(SkillRequirement.preferred("tech", 2)).build();

        private final Candidate billingTwo = online(Owner.agent("billing-2").skill("billing", 2).build(), 0);
        private final Candidate allRoundTwo = online(Owner.agent("all-round-2").skill("billing", 2).skill("tech", 1)
                .build(), 1);
        private final Candidate expert = online(Owner.agent("expert").skill("billing", 3).skill("tech", 2).build(), 2);

        @Test
        void asksForEverythingBeforeTheFirstStep() {
            Verdict.Pass pass = passed(relaxing.decide(conversation, after(Duration.ofSeconds(119), billingTwo)));

            assertThat(pass.code()).isEqualTo(PassReason.NO_MATCH);
            assertThat(pass.reason()).isEqualTo("there are no owners with billing 3+ and tech 2+; requirements "
                    + "relax further after 2m");
        }

        @Test
        void lowersTheMinimums_atTheFirstStep() {
            Verdict.Assign assign = assigned(relaxing.decide(conversation,
                    after(Duration.ofMinutes(2), billingTwo, allRoundTwo)));

            assertThat(assign.ownerId()).isEqualTo("all-round-2");
            assertThat(assign.reason())
                    .isEqualTo("best skill match (score 3) at relaxation step 1, after 2m: minimums lowered by 1");
        }

        @Test
        void dropsOptionalSkills_atTheSecondStep() {
            assertThat(relaxing.decide(conversation, after(Duration.ofMinutes(4), billingTwo)))
                    .isInstanceOf(Verdict.Pass.class);

            Verdict.Assign assign = assigned(relaxing.decide(conversation, after(Duration.ofMinutes(5), billingTwo)));

            assertThat(assign.ownerId()).isEqualTo("billing-2");
            assertThat(assign.reason()).isEqualTo("best skill match (score 2) at relaxation step 2, after 5m: "
                    + "optional skills dropped and minimums lowered by 1");
        }

        @Test
        void triesTheStrictestLevelFirst_howeverLongItWaited() {
            Verdict.Assign assign = assigned(relaxing.decide(conversation,
                    after(Duration.ofHours(1), billingTwo, allRoundTwo, expert)));

            assertThat(assign.ownerId()).isEqualTo("expert");
            assertThat(assign.reason()).isEqualTo("best skill match (score 5), every requirement met");
        }

        @Test
        void loosens_whenTheStricterMatchesCannotTakeIt() {
            Candidate awayExpert = candidate(expert.owner(), 2, Presence.AWAY, 0);

            assertThat(assigned(relaxing.decide(conversation, after(Duration.ofMinutes(3), awayExpert, allRoundTwo)))
                    .ownerId()).isEqualTo("all-round-2");
        }

        @Test
        void neverLowersAMinimumBelowZero_norGrantsAMissingSkill() {
            SkillBased generous = SkillBased.builder()
                    .relax(Relaxation.afterWaiting(Duration.ofMinutes(1)).lowerMinimumsBy(10)).build();
            Conversation needsTech = conversationBuilder("c").requires("tech", 2).build();
            Candidate none = online(Owner.agent("none").skill("billing", 5).build(), 0);
            Candidate novice = online(Owner.agent("novice").skill("tech", 0).build(), 1);

            assertThat(passed(generous.decide(needsTech, after(Duration.ofMinutes(1), none))).reason())
                    .isEqualTo("there are no owners with tech (any level) "
                            + "(at relaxation step 1, after 1m: minimums lowered by 10)");
            assertThat(assigned(generous.decide(needsTech, after(Duration.ofMinutes(1), none, novice))).ownerId())
                    .isEqualTo("novice");
        }

        @Test
        void countsTheWaitFromTheConversationsCreation() {
            Conversation older = conversationBuilder("c").requires("billing", 3)
                    .createdAt(NOW.minus(Duration.ofMinutes(2))).build();

            assertThat(relaxing.decide(older, snapshot(List.of(billingTwo)))).isInstanceOf(Verdict.Assign.class);
        }
    }

    @Nested
    class Passes {

        private final Conversation conversation = conversationBuilder("c").requires("billing", 2).language("en")
                .build();
        private final Owner speaker = Owner.agent("speaker").skill("billing", 2).languages("en").capacity(1).build();

        @Test
        void noMatch_whenNobodyMeetsTheRequirements_sayingWhatWasNeeded() {
            Verdict.Pass pass = passed(skillBased.decide(conversation,
                    snapshot(List.of(online(Owner.agent("mute").skill("billing", 5).build(), 0)))));

            assertThat(pass.code()).isEqualTo(PassReason.NO_MATCH);
            assertThat(pass.reason()).isEqualTo("there are no owners with billing 2+, speaking en");
        }

        @Test
        void noneAvailable_whenEveryMatchIsAwayOrOffline() {
            Verdict.Pass pass = passed(skillBased.decide(conversation, snapshot(List.of(
                    candidate(speaker, 0, Presence.AWAY, 0)))));

            assertThat(pass.code()).isEqualTo(PassReason.NONE_AVAILABLE);
            assertThat(pass.reason()).isEqualTo("none of the 1 owners with billing 2+, speaking en is online");
        }

        @Test
        void noCapacity_whenEveryAvailableMatchIsFull() {
            Verdict.Pass pass = passed(skillBased.decide(conversation, snapshot(List.of(
                    candidate(speaker, 0, Presence.ONLINE, 1)))));

            assertThat(pass.code()).isEqualTo(PassReason.NO_CAPACITY);
        }

        @Test
        void includesBusyOwners_onlyWhenAskedTo() {
            RoutingSnapshot busy = snapshot(List.of(candidate(speaker, 0, Presence.BUSY, 0)));

            assertThat(passed(skillBased.decide(conversation, busy)).code()).isEqualTo(PassReason.NONE_AVAILABLE);
            assertThat(assigned(SkillBased.builder().busyPolicy(BusyPolicy.INCLUDE).build()
                    .decide(conversation, busy)).ownerId()).isEqualTo("speaker");
        }
    }

    @Nested
    class Configuration {

        @Test
        void rejectsABlankName() {
            assertThatThrownBy(() -> SkillBased.builder().name(" "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("strategy name must not be blank");
        }

        @Test
        void rejectsMissingOptions_namingThem() {
            assertThatThrownBy(() -> SkillBased.builder().busyPolicy(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("busyPolicy must not be null");
            assertThatThrownBy(() -> SkillBased.builder().tieBreak(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("tieBreak must not be null");
            assertThatThrownBy(() -> SkillBased.builder().relax(null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("relaxation must not be null");
        }

        @Test
        void rejectsARelaxationWithoutAPositiveWait() {
            assertThatThrownBy(() -> Relaxation.afterWaiting(Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relaxation wait must be positive, was PT0S");
            assertThatThrownBy(() -> Relaxation.afterWaiting(Duration.ofMinutes(-5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relaxation wait must be positive, was PT-5M");
        }

        @Test
        void rejectsLoweringByANegativeAmount() {
            assertThatThrownBy(() -> Relaxation.afterWaiting(Duration.ofMinutes(1)).lowerMinimumsBy(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lowersMinimumsBy of the relaxation after 1m must not be negative, was -1");
        }

        @Test
        void rejectsAStepThatRelaxesNothing() {
            assertThatThrownBy(() -> SkillBased.builder().relax(Relaxation.afterWaiting(Duration.ofMinutes(1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relaxation step 1 (after 1m) relaxes nothing: use dropOptional(), lowerMinimumsBy(n), "
                            + "or both");
        }

        @Test
        void rejectsStepsThatDoNotWaitLonger() {
            SkillBased.Builder builder = SkillBased.builder()
                    .relax(Relaxation.afterWaiting(Duration.ofMinutes(5)).dropOptional());

            assertThatThrownBy(() -> builder.relax(Relaxation.afterWaiting(Duration.ofMinutes(5)).lowerMinimumsBy(1)
                    .dropOptional()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relaxation step 2 (after 5m) must wait longer than step 1 (after 5m: optional skills "
                            + "dropped)");
        }

        @Test
        void rejectsStepsThatDoNotRelaxMore() {
            SkillBased.Builder builder = SkillBased.builder()
                    .relax(Relaxation.afterWaiting(Duration.ofMinutes(5)).dropOptional());

            assertThatThrownBy(() -> builder.relax(Relaxation.afterWaiting(Duration.ofMinutes(10)).lowerMinimumsBy(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relaxation step 2 (after 10m) (minimums lowered by 1) must relax more than step 1 "
                            + "(after 5m: optional skills dropped) and never less");
            assertThatThrownBy(() -> builder.relax(Relaxation.afterWaiting(Duration.ofMinutes(10)).dropOptional()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must relax more than step 1");
        }
    }
}

package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.state.LiveView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A rule's view narrowed to the owners that meet what the rule requires, over a plain view that records what it is
 * asked. The roster, in roster order (position, skills, languages):
 *
 * <pre>
 * 0 ana  billing 3, tech 1, vip 0   en
 * 1 ben  billing 5                  en, fr
 * 2 cy   billing 4, vip 2           en, fr
 * 3 dee  billing 1, vip 1           fr
 * 4 eve  billing 4, vip 0           en
 * 5 fay  billing 2                  fr
 * 6 gus  billing 3                  en, fr
 * </pre>
 */
class RequiredViewTest {

    private static final Requirements VIP = skills(SkillRequirement.required("vip", 0));
    private static final Requirements SPEAKS_EN = new Requirements(List.of(), "en", "");
    private static final Instant ANA_ASSIGNED = START.minus(Duration.ofMinutes(7));
    private static final Instant ANA_RELEASED = START.minus(Duration.ofMinutes(3));

    private final RecordingView plain = new RecordingView(RoutingSnapshot.of(START, List.of(
            new Candidate(owner("ana").skill("billing", 3).skill("tech", 1).skill("vip", 0).languages("en").build(),
                    0, Presence.ONLINE, 1, 1, ANA_ASSIGNED, ANA_RELEASED, List.of(ANA_RELEASED)),
            candidate(owner("ben").skill("billing", 5).languages("en", "fr"), 1),
            candidate(owner("cy").skill("billing", 4).skill("vip", 2).languages("en", "fr"), 2),
            candidate(owner("dee").skill("billing", 1).skill("vip", 1).languages("fr"), 3),
            candidate(owner("eve").skill("billing", 4).skill("vip", 0).languages("en"), 4),
            candidate(owner("fay").skill("billing", 2).languages("fr"), 5),
            candidate(owner("gus").skill("billing", 3).languages("en", "fr"), 6))));

    private static Owner.Builder owner(String id) {
        return Owner.agent(id).capacity(2);
    }

    private static Candidate candidate(Owner.Builder owner, long position) {
        return new Candidate(owner.build(), position, Presence.ONLINE, 0, 2, Instant.MIN);
    }

    private static Requirements skills(SkillRequirement... skills) {
        return new Requirements(List.of(skills), "", "");
    }

    private static Requirements billing(int minimum, String language) {
        return new Requirements(List.of(SkillRequirement.required("billing", minimum)), language, "");
    }

    private RequiredView requiring(Requirements required) {
        return new RequiredView(plain, required, "vip-desk");
    }

    private static List<String> ids(Eligible eligible) {
        List<String> ids = new ArrayList<>();
        while (eligible.next()) {
            ids.add(eligible.owner().id());
        }
        return ids;
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }

    @Nested
    class Candidates {

        @Test
        void areTheOwnersMeetingTheRule_inRosterOrder() {
            assertThat(ids(requiring(VIP).candidates())).containsExactly("ana", "cy", "dee", "eve");
        }

        @Test
        void oneOwner_isFoundOnlyWhenItMeetsTheRule() {
            RequiredView view = requiring(VIP);
            assertThat(view.candidate("cy")).map(Candidate::id).contains("cy");
            assertThat(view.candidate("ben")).isEmpty();
            assertThat(view.candidate("nobody")).isEmpty();
        }

        @Test
        void matching_isOfTheOwnersMeetingBoth() {
            assertThat(ids(requiring(VIP).matching(billing(3, "")))).containsExactly("ana", "cy", "eve");
            assertThat(plain.asked).containsExactly(
                    new Requirements(List.of(SkillRequirement.required("vip", 0),
                            SkillRequirement.required("billing", 3)), "", ""));
        }

        @Test
        void matched_countsTheOwnersMeetingBoth_askingTheViewOnce() {
            assertThat(requiring(VIP).matched(billing(3, ""), BusyPolicy.EXCLUDE))
                    .isEqualTo(new RoutingView.Matched(3, 3));
            assertThat(plain.asked).containsExactly(
                    new Requirements(List.of(SkillRequirement.required("vip", 0),
                            SkillRequirement.required("billing", 3)), "", ""));
        }

        @Test
        void matched_inAnotherLanguage_countsThoseThatAlsoSpeakTheRulesOne() {
            assertThat(requiring(SPEAKS_EN).matched(billing(2, "fr"), BusyPolicy.INCLUDE))
                    .isEqualTo(new RoutingView.Matched(3, 3));
        }

        @Test
        void matching_inAnotherLanguage_keepsThoseThatAlsoSpeakTheRulesOne() {
            assertThat(ids(requiring(SPEAKS_EN).matching(billing(2, "fr")))).containsExactly("ben", "cy", "gus");
            assertThat(plain.asked).containsExactly(billing(2, "fr"));
        }
    }

    @Nested
    class WhatTheViewIsAsked {

        @Test
        void skillsOfBoth_atTheHigherMinimum_optionalOnlyWhenBothAre() {
            Requirements rule = skills(SkillRequirement.required("billing", 3), SkillRequirement.preferred("vip", 1),
                    SkillRequirement.preferred("tech", 0));
            Requirements step = skills(SkillRequirement.preferred("billing", 1), SkillRequirement.preferred("vip", 0),
                    SkillRequirement.required("tech", 2), SkillRequirement.preferred("chat", 0));

            requiring(rule).eligible(step, BusyPolicy.EXCLUDE);

            assertThat(plain.asked).containsExactly(skills(SkillRequirement.required("billing", 3),
                    SkillRequirement.preferred("vip", 1), SkillRequirement.required("tech", 2),
                    SkillRequirement.preferred("chat", 0)));
        }

        @Test
        void theOneLanguage_whicheverSideNamesIt() {
            requiring(SPEAKS_EN).eligible(billing(1, ""), BusyPolicy.EXCLUDE);
            requiring(VIP).eligible(billing(1, "en"), BusyPolicy.EXCLUDE);
            requiring(SPEAKS_EN).eligible(billing(1, "en"), BusyPolicy.EXCLUDE);

            assertThat(plain.asked).containsExactly(billing(1, "en"),
                    new Requirements(List.of(SkillRequirement.required("vip", 0),
                            SkillRequirement.required("billing", 1)), "en", ""),
                    billing(1, "en"));
        }

        @Test
        void theStepsOwnRequirements_whenTheLanguagesDiffer() {
            requiring(SPEAKS_EN).eligible(billing(2, "fr"), BusyPolicy.INCLUDE);

            assertThat(plain.asked).containsExactly(billing(2, "fr"));
            assertThat(plain.busyPolicies).containsExactly(BusyPolicy.INCLUDE);
        }

        @Test
        void theStepsOwnRequirements_whenTheRegionsDiffer() {
            Requirements inUs = new Requirements(List.of(), "", "us");
            Requirements inEu = new Requirements(List.of(), "", "eu");

            requiring(inUs).eligible(inEu, BusyPolicy.EXCLUDE);

            assertThat(plain.asked).containsExactly(inEu);
        }
    }

    @Nested
    class Eligibility {

        @Test
        void findsTheOwnersMeetingBoth_scoredByTheStepsSkillsOnly() {
            Eligible eligible = requiring(VIP).eligible(billing(2, ""), BusyPolicy.EXCLUDE);
            List<String> scored = new ArrayList<>();
            while (eligible.next()) {
                scored.add(eligible.owner().id() + "@" + eligible.rosterPosition() + "=" + eligible.score());
            }
            assertThat(scored).containsExactly("ana@0=3", "cy@2=4", "eve@4=4");
        }

        @Test
        void inAnotherLanguage_keepsThoseThatAlsoSpeakTheRulesOne() {
            assertThat(ids(requiring(SPEAKS_EN).eligible(billing(2, "fr"), BusyPolicy.EXCLUDE)))
                    .containsExactly("ben", "cy", "gus");
        }

        @Test
        void answersForTheCurrentOwner_asThePlainViewDoes() {
            Eligible eligible = requiring(VIP).eligible(billing(3, ""), BusyPolicy.EXCLUDE);
            assertThat(eligible.next()).isTrue();
            Candidate ana = plain.candidate("ana").orElseThrow();

            assertThat(eligible.owner()).isEqualTo(ana.owner());
            assertThat(eligible.candidate()).isEqualTo(ana);
            assertThat(eligible.load()).isEqualTo(1);
            assertThat(eligible.utilisation()).isEqualTo(0.5);
            assertThat(eligible.lastAssignedAt()).isEqualTo(ANA_ASSIGNED);
            assertThat(eligible.lastReleasedAt()).isEqualTo(ANA_RELEASED);
            assertThat(eligible.completedSince(ANA_RELEASED)).isEqualTo(1);
        }

        @Test
        void aScoreFloor_keepsEveryOwnerReachingItByTheStepsSkills() {
            Eligible eligible = requiring(VIP).eligible(billing(2, ""), BusyPolicy.EXCLUDE);
            eligible.raiseScoreFloor(4);
            eligible.raiseScoreFloor(1);

            assertThat(ids(eligible)).as("the floor only rises, and an owner at the floor is kept")
                    .containsExactly("cy", "eve");
        }

        @Test
        void aScoreFloor_whenTheStepNamesASkillTwice_keepsThoseReachingItByTheStepsScore() {
            // the step scores billing twice (cy: 8) where the merged requirements score it once with vip (cy: 6)
            Requirements twice = skills(SkillRequirement.required("billing", 1), SkillRequirement.required("billing", 1));
            Eligible eligible = requiring(VIP).eligible(twice, BusyPolicy.EXCLUDE);
            eligible.raiseScoreFloor(8);

            assertThat(ids(eligible)).containsExactly("cy", "eve");
        }

        @Test
        void aScoreFloor_inAnotherLanguage_isAppliedToTheStepsScore() {
            Eligible eligible = requiring(SPEAKS_EN).eligible(billing(2, "fr"), BusyPolicy.EXCLUDE);
            eligible.raiseScoreFloor(4);

            assertThat(ids(eligible)).containsExactly("ben", "cy");
        }

        @Test
        void stopsAtTheEnd_andStaysThere() {
            Eligible eligible = requiring(SPEAKS_EN).eligible(billing(5, "fr"), BusyPolicy.EXCLUDE);
            assertThat(eligible.next()).isTrue();
            assertThat(eligible.owner().id()).isEqualTo("ben");
            assertThat(eligible.next()).isFalse();
            assertThat(eligible.next()).isFalse();
            assertThat(eligible.advanceTo(0)).isFalse();
        }
    }

    /** In another language, the walk finds ben, cy, fay and gus and keeps the English speakers: ben, cy and gus. */
    @Nested
    class AdvancingTo {

        private final Eligible eligible = requiring(SPEAKS_EN).eligible(billing(2, "fr"), BusyPolicy.EXCLUDE);

        @Test
        void landsOnTheOwnerAtThatPosition_whenItQualifies() {
            assertThat(eligible.advanceTo(2)).isTrue();
            assertThat(eligible.owner().id()).isEqualTo("cy");
        }

        @Test
        void movesPastAnOwnerThatDoesNotMeetTheRule() {
            assertThat(eligible.advanceTo(3)).isTrue();
            assertThat(eligible.owner().id()).as("fay, at 5, speaks no English").isEqualTo("gus");
            assertThat(eligible.rosterPosition()).isEqualTo(6);
        }

        @Test
        void failsPastTheLastOne() {
            assertThat(eligible.advanceTo(7)).isFalse();
            assertThat(eligible.next()).isFalse();
        }

        @Test
        void staysOnTheCurrentOwner_whenItIsAtOrPastThePosition_evenAboveANewFloor() {
            assertThat(eligible.next()).isTrue();
            eligible.raiseScoreFloor(6);

            assertThat(eligible.advanceTo(1)).isTrue();
            assertThat(eligible.advanceTo(0)).isTrue();
            assertThat(eligible.owner().id()).isEqualTo("ben");
        }

        @Test
        void staysOnTheFirstOwnerOfTheRoster_whenAskedForPositionZero() {
            Eligible vip = requiring(VIP).eligible(billing(2, ""), BusyPolicy.EXCLUDE);
            assertThat(vip.next()).isTrue();
            vip.raiseScoreFloor(4);

            assertThat(vip.advanceTo(0)).isTrue();
            assertThat(vip.owner().id()).isEqualTo("ana");
        }
    }

    @Nested
    class WhatTheRouterAsks {

        @Test
        void refusesAnOwnerThatDoesNotMeetTheRule_namingTheRuleAndItsOwners() {
            assertThat(requiring(VIP).refusal("ben"))
                    .isEqualTo("does not meet what rule vip-desk requires: it is not among the owners with vip "
                            + "(any level)");
        }

        @Test
        void otherwiseGivesThePlainViewsAnswer() {
            assertThat(requiring(VIP).refusal("cy")).isNull();
            assertThat(requiring(VIP).refusal("nobody")).isEqualTo("not on the roster");
        }

        @Test
        void commitsOnlyAnOwnerThatMeetsTheRule() {
            RequiredView view = requiring(VIP);

            assertThat(view.commit(new Verdict.Assign("ben", "chosen", Map.of()))).isFalse();
            assertThat(view.commit(new Verdict.Assign("cy", "chosen", Map.of()))).isTrue();
            assertThat(plain.committed).containsExactly("cy");
        }

        @Test
        void passesOnTheClockMemoryCursorsAndOwnersHeldBack() {
            RoutingSnapshot remembered = new RoutingSnapshot(START, plain.snapshot.candidates(),
                    Map.of("customer-1", "ben"), Map.of("rotation", 5L), Map.of("customer-1", "cy"));
            RequiredView view = new RequiredView(new RecordingView(remembered), VIP, "vip-desk");

            assertThat(view.now()).isEqualTo(START);
            assertThat(view.previousOwner("customer-1")).contains("ben");
            assertThat(view.primaryOwner("customer-1")).contains("cy");
            assertThat(view.cursor("rotation")).isEqualTo(5);
            assertThat(view.heldBack()).containsExactly(Map.entry("zed", "opted out"));
        }
    }

    /** A view of plain values that records what it is asked for and what it commits. */
    private static final class RecordingView implements LiveView {
        final RoutingSnapshot snapshot;
        final List<Requirements> asked = new ArrayList<>();
        final List<BusyPolicy> busyPolicies = new ArrayList<>();
        final List<String> committed = new ArrayList<>();

        RecordingView(RoutingSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public Instant now() {
            return snapshot.now();
        }

        @Override
        public List<Candidate> candidates() {
            return snapshot.candidates();
        }

        @Override
        public Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
            asked.add(requirements);
            busyPolicies.add(busyPolicy);
            return snapshot.eligible(requirements, busyPolicy);
        }

        @Override
        public List<Candidate> matching(Requirements requirements) {
            asked.add(requirements);
            return snapshot.matching(requirements);
        }

        @Override
        public Optional<Candidate> candidate(String ownerId) {
            return snapshot.candidate(ownerId);
        }

        @Override
        public Optional<String> previousOwner(String customerId) {
            return snapshot.previousOwner(customerId);
        }

        @Override
        public Optional<String> primaryOwner(String customerId) {
            return snapshot.primaryOwner(customerId);
        }

        @Override
        public long cursor(String key) {
            return snapshot.cursor(key);
        }

        @Override
        public String refusal(String ownerId) {
            return snapshot.candidate(ownerId).isPresent() ? null : "not on the roster";
        }

        @Override
        public Map<String, String> heldBack() {
            return Map.of("zed", "opted out");
        }

        @Override
        public boolean commit(Verdict.Assign assign) {
            committed.add(assign.ownerId());
            return true;
        }
    }
}

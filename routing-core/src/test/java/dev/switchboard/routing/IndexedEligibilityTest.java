package dev.switchboard.routing;

import static dev.switchboard.routing.TestStrategies.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which owners the roster's indexes find for {@link RoutingView#eligible} and {@link RoutingView#matching}: by skill
 * level, language, region and rule membership, and after every change of presence, capacity, load and roster. The
 * roster, in roster order:
 *
 * <pre>
 * ana  billing 3, tech 1   en     eu
 * ben  billing 1           fr     us
 * cy   billing 5, tech 4   en, fr us
 * dee  tech 2              en     eu
 * fay  billing 4, tech 4   de     eu
 * eve  no skills           en     (none)
 * </pre>
 *
 * Each owner has room for two chats.
 */
class IndexedEligibilityTest {

    private static final SkillRequirement BILLING_ANY = SkillRequirement.required("billing", 0);
    private static final SkillRequirement TECH_ANY = SkillRequirement.required("tech", 0);

    private final ManualClock clock = new ManualClock(START);
    private Function<RoutingView, List<String>> probe;
    private List<String> seen;
    private int probes;

    private Router router(Owner... extra) {
        return router(Rule.builder("everyone"), extra);
    }

    /**
     * A router whose only step, on a conversation with a {@code to} attribute, assigns it there; on any other, runs
     * the probe (if set) and passes, so the probe's conversation waits and is released again by {@link #find}.
     */
    private Router router(Rule.Builder rule, Owner... extra) {
        Strategy step = TestStrategies.strategy("probe", (conversation, view) -> {
            String to = conversation.attributes().get("to");
            if (to != null) {
                return new Verdict.Assign(to, "set up", Map.of());
            }
            if (probe != null) {
                seen = probe.apply(view);
            }
            return new Verdict.Pass(PassReason.NOT_APPLICABLE, "probed");
        });
        List<Owner> owners = new ArrayList<>(List.of(
                owner("ana").skill("billing", 3).skill("tech", 1).languages("en").regions("eu").build(),
                owner("ben").skill("billing", 1).languages("fr").regions("us").build(),
                owner("cy").skill("billing", 5).skill("tech", 4).languages("en", "fr").regions("us").build(),
                owner("dee").skill("tech", 2).languages("en").regions("eu").build(),
                owner("fay").skill("billing", 4).skill("tech", 4).languages("de").regions("eu").build(),
                owner("eve").languages("en").build()));
        owners.addAll(List.of(extra));
        RoutingPlan plan = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(15))),
                List.of(rule.chain(step).queue("waiting").build()));
        return Router.builder().clock(clock).owners(owners).plan(plan).build();
    }

    private static Owner.Builder owner(String id) {
        return Owner.agent(id).capacity(2);
    }

    /** The probe's answer inside the decision of a new chat (or a conversation on {@code channel}). */
    private List<String> find(Router router, String channel, Function<RoutingView, List<String>> question) {
        probe = question;
        seen = null;
        String id = "probe-" + probes++;
        router.route(Conversation.builder(id).customer("c-" + id).channel(channel).createdAt(clock.instant()).build());
        probe = null;
        router.release(id);
        assertThat(seen).as("the probe ran inside a decision").isNotNull();
        return seen;
    }

    private List<String> eligible(Router router, Requirements requirements, BusyPolicy busyPolicy) {
        return find(router, "chat", view -> ids(view.eligible(requirements, busyPolicy)));
    }

    private List<String> eligible(Router router, Requirements requirements) {
        return eligible(router, requirements, BusyPolicy.EXCLUDE);
    }

    private List<String> matching(Router router, Requirements requirements) {
        return find(router, "chat", view -> view.matching(requirements).stream().map(Candidate::id).toList());
    }

    private static Requirements skills(SkillRequirement... skills) {
        return new Requirements(List.of(skills), "", "");
    }

    private static List<String> ids(Eligible eligible) {
        List<String> ids = new ArrayList<>();
        while (eligible.next()) {
            ids.add(eligible.owner().id());
        }
        return ids;
    }

    private static void assign(Router router, String conversationId, String ownerId) {
        router.route(TestStrategies.conversation(conversationId).attribute("to", ownerId).build());
    }

    @Nested
    class BySkillLevel {
        @Test
        void findsTheOwnersAtOrAboveTheMinimumOfASkill() {
            Router router = router();

            assertThat(eligible(router, skills(SkillRequirement.required("billing", 4)))).containsExactly("cy", "fay");
            assertThat(eligible(router, skills(SkillRequirement.required("billing", 3))))
                    .containsExactly("ana", "cy", "fay");
            assertThat(eligible(router, skills(SkillRequirement.required("billing", 5)))).containsExactly("cy");
            assertThat(eligible(router, skills(SkillRequirement.required("billing", 6)))).isEmpty();
        }

        @Test
        void aMinimumOfZero_findsEveryOwnerWithTheSkill_andNobodyWithout() {
            assertThat(eligible(router(), skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void everySkillMustBeMet() {
            Router router = router();

            assertThat(eligible(router, skills(SkillRequirement.required("billing", 1),
                    SkillRequirement.required("tech", 2)))).containsExactly("cy", "fay");
            assertThat(eligible(router, skills(BILLING_ANY, TECH_ANY))).containsExactly("ana", "cy", "fay");
        }

        @Test
        void aSkillNobodyHas_findsNobody() {
            assertThat(eligible(router(), skills(SkillRequirement.required("legal", 0)))).isEmpty();
            assertThat(eligible(router(), skills(BILLING_ANY, SkillRequirement.required("legal", 0)))).isEmpty();
        }

        @Test
        void theScoreIsTheSumOfTheOwnersLevelsInTheRequiredSkills() {
            List<String> scores = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(skills(BILLING_ANY, TECH_ANY), BusyPolicy.EXCLUDE);
                List<String> found = new ArrayList<>();
                while (eligible.next()) {
                    found.add(eligible.owner().id() + "=" + eligible.score());
                }
                return found;
            });

            assertThat(scores).containsExactly("ana=4", "cy=9", "fay=8");
        }

        @Test
        void ownersWithASkillAtDifferentLevels_areEachFoundFromTheirOwnLevelDown() {
            // levels added out of order: 2 after 5 and 1, so the index inserts a level between existing ones
            Router router = router(owner("gil").skill("billing", 2).build());

            assertThat(eligible(router, skills(SkillRequirement.required("billing", 2))))
                    .containsExactly("ana", "cy", "fay", "gil");
            assertThat(eligible(router, skills(SkillRequirement.required("billing", 1))))
                    .containsExactly("ana", "ben", "cy", "fay", "gil");
        }
    }

    @Nested
    class ByLanguageAndRegion {
        @Test
        void findsTheOwnersWhoSpeakTheLanguage() {
            Router router = router();

            assertThat(eligible(router, new Requirements(List.of(), "en", ""))).containsExactly("ana", "cy", "dee", "eve");
            assertThat(eligible(router, new Requirements(List.of(), "fr", ""))).containsExactly("ben", "cy");
            assertThat(eligible(router, new Requirements(List.of(), "ja", ""))).isEmpty();
        }

        @Test
        void findsTheOwnersWhoCoverTheRegion() {
            Router router = router();

            assertThat(eligible(router, new Requirements(List.of(), "", "eu"))).containsExactly("ana", "dee", "fay");
            assertThat(eligible(router, new Requirements(List.of(), "", "apac"))).isEmpty();
        }

        @Test
        void languageRegionAndSkillsTogether_findTheOwnersWhoMeetAll() {
            Router router = router();

            assertThat(eligible(router, new Requirements(List.of(), "en", "us"))).containsExactly("cy");
            assertThat(eligible(router, new Requirements(List.of(TECH_ANY), "en", "eu"))).containsExactly("ana", "dee");
        }
    }

    @Nested
    class ByRuleMembership {
        @Test
        void aRuleThatNamesOwners_findsOnlyThem() {
            Router router = router(Rule.builder("billing-desk").owners("ben", "cy", "eve"));

            assertThat(eligible(router, Requirements.NONE)).containsExactly("ben", "cy", "eve");
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ben", "cy");
        }

        @Test
        void anOwnerWhoLeavesAndComesBack_isFoundAgainAtTheirNewPlace() {
            Router router = router(Rule.builder("billing-desk").owners("ben", "cy"));
            eligible(router, Requirements.NONE); // the members are known from here on

            router.removeOwner("ben");
            assertThat(eligible(router, Requirements.NONE)).containsExactly("cy");

            router.addOwner(owner("ben").skill("billing", 1).build());
            assertThat(eligible(router, Requirements.NONE)).containsExactly("cy", "ben");
        }
    }

    @Nested
    class AfterChanges {
        @Test
        void anOwnerWhoIsNotOnline_isNotEligible_butStillMatches() {
            Router router = router();
            router.setPresence("cy", Presence.AWAY);

            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "fay");
            assertThat(matching(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");

            router.setPresence("cy", Presence.ONLINE);
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void aBusyOwner_isEligibleOnlyWhenBusyOwnersAreIncluded() {
            Router router = router();
            router.setPresence("ben", Presence.BUSY);

            assertThat(eligible(router, skills(BILLING_ANY), BusyPolicy.EXCLUDE)).containsExactly("ana", "cy", "fay");
            assertThat(eligible(router, skills(BILLING_ANY), BusyPolicy.INCLUDE))
                    .containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void aFullOwner_isNotEligible_untilAConversationIsReleased() {
            Router router = router();
            assign(router, "one", "ana");
            assertThat(eligible(router, skills(BILLING_ANY))).as("one of two").containsExactly("ana", "ben", "cy", "fay");
            assign(router, "two", "ana");

            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ben", "cy", "fay");
            assertThat(matching(router, skills(BILLING_ANY))).as("full, but still meets the requirements")
                    .containsExactly("ana", "ben", "cy", "fay");

            router.release("one");
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void anOwnerWhoseCapacityDropsToTheirLoad_isNotEligible_untilItRisesAgain() {
            Router router = router();
            assign(router, "one", "fay");

            router.setCapacity("fay", 1);
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy");

            router.setCapacity("fay", 3);
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void anOwnerWhoLeaves_isFoundByNoSkillLanguageOrRegion() {
            Router router = router();

            router.removeOwner("cy");

            assertThat(eligible(router, skills(SkillRequirement.required("billing", 5)))).isEmpty();
            assertThat(eligible(router, new Requirements(List.of(), "fr", "us"))).containsExactly("ben");
            assertThat(matching(router, skills(TECH_ANY))).containsExactly("ana", "dee", "fay");
        }

        @Test
        void anOwnerWhoJoins_isFoundByTheirSkills() {
            Router router = router();

            router.addOwner(owner("hal").skill("billing", 6).languages("ja").build());

            assertThat(eligible(router, skills(SkillRequirement.required("billing", 6)))).containsExactly("hal");
            assertThat(eligible(router, new Requirements(List.of(BILLING_ANY), "ja", ""))).containsExactly("hal");
        }

        @Test
        void anOwnerFullOnTheConversationsChannel_isNotEligibleForIt_butIsForAnother() {
            Router router = router(owner("ivy").channelCapacity("phone", 1).skill("billing", 2).build());
            router.route(TestStrategies.conversation("call").channel("phone").attribute("to", "ivy").build());

            assertThat(find(router, "phone", view -> ids(view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE))))
                    .containsExactly("ana", "ben", "cy", "fay");
            assertThat(find(router, "chat", view -> ids(view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE))))
                    .containsExactly("ana", "ben", "cy", "fay", "ivy");
        }

        @Test
        void anOwnerBackBelowTheirLimitOnAChannel_isEligibleForItAgain_andOneFullInTotal_isNotEligibleForAny() {
            Router router = router(owner("ivy").capacity(2).channelCapacity("phone", 1).skill("billing", 2).build());
            router.route(TestStrategies.conversation("call").channel("phone").attribute("to", "ivy").build());
            router.release("call");

            assertThat(find(router, "phone", view -> ids(view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE))))
                    .as("below the phone limit again").containsExactly("ana", "ben", "cy", "fay", "ivy");

            assign(router, "chat-1", "ivy");
            assign(router, "chat-2", "ivy");

            assertThat(find(router, "phone", view -> ids(view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE))))
                    .as("full in total, below the phone limit").containsExactly("ana", "ben", "cy", "fay");
        }

        @Test
        void anOwnerAtTheirAssignmentCap_isNotEligible_untilTheWindowPasses() {
            Router router = router(owner("jo").assignmentCap(1, Duration.ofMinutes(10)).skill("billing", 2).build());
            assign(router, "one", "jo");

            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");

            clock.advance(Duration.ofMinutes(10));
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay", "jo");
        }

        @Test
        void anOwnerOutsideTheirWorkingHours_isNotEligible() {
            WeeklySchedule mornings = WeeklySchedule.builder(ZoneOffset.UTC)
                    .open(LocalTime.of(8, 0), LocalTime.of(12, 0), DayOfWeek.values()).build();
            Router router = router(owner("kim").hours(mornings).skill("billing", 2).build());

            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay", "kim");

            clock.advance(Duration.ofHours(5)); // 13:00
            assertThat(eligible(router, skills(BILLING_ANY))).containsExactly("ana", "ben", "cy", "fay");
        }
    }

    @Nested
    class WithAScoreFloor {
        private final Requirements billingAndTech = skills(BILLING_ANY, TECH_ANY);

        private List<String> aboveFloor(Router router, int floor) {
            return find(router, "chat", view -> {
                Eligible eligible = view.eligible(billingAndTech, BusyPolicy.EXCLUDE);
                eligible.raiseScoreFloor(floor);
                return ids(eligible);
            });
        }

        @Test
        void skipsTheOwnersBelowTheFloor_andKeepsThoseAtIt() {
            Router router = router();

            assertThat(aboveFloor(router, 8)).as("fay's 4 + 4 is not the best in either skill").containsExactly("cy", "fay");
            assertThat(aboveFloor(router, 9)).containsExactly("cy");
            assertThat(aboveFloor(router, 5)).containsExactly("cy", "fay");
            assertThat(aboveFloor(router, 4)).containsExactly("ana", "cy", "fay");
            assertThat(aboveFloor(router, 10)).isEmpty();
        }

        @Test
        void raisedDuringTheWalk_keepsTheCurrentOwner_andNarrowsTheRest() {
            List<String> walk = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(billingAndTech, BusyPolicy.EXCLUDE);
                List<String> found = new ArrayList<>();
                eligible.next();
                found.add(eligible.owner().id());
                eligible.raiseScoreFloor(9);
                found.add(eligible.owner().id() + " still current, score " + eligible.score());
                while (eligible.next()) {
                    found.add(eligible.owner().id());
                }
                return found;
            });

            assertThat(walk).containsExactly("ana", "ana still current, score 4", "cy");
        }

        @Test
        void atTheHighestScoreAnyoneHas_theOwnersFoundScoreIt_andTheCurrentOneKeepsItsOwn() {
            List<String> walk = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE);
                List<String> found = new ArrayList<>();
                eligible.next();
                eligible.raiseScoreFloor(5);
                found.add(eligible.owner().id() + " " + eligible.score());
                while (eligible.next()) {
                    found.add(eligible.owner().id() + " " + eligible.score());
                }
                return found;
            });

            assertThat(walk).containsExactly("ana 3", "cy 5");
        }

        @Test
        void aLowerFloorThanBefore_changesNothing() {
            List<String> walk = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(billingAndTech, BusyPolicy.EXCLUDE);
                eligible.raiseScoreFloor(8);
                eligible.raiseScoreFloor(1);
                return ids(eligible);
            });

            assertThat(walk).containsExactly("cy", "fay");
        }

        @Test
        void onASkillNobodyHas_findsNobody() {
            List<String> walk = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(skills(BILLING_ANY, SkillRequirement.required("legal", 0)),
                        BusyPolicy.EXCLUDE);
                eligible.raiseScoreFloor(3);
                return ids(eligible);
            });

            assertThat(walk).isEmpty();
        }

        @Test
        void reachesOwnersPastTheFirstWordOfPositions() {
            Owner[] many = new Owner[70];
            for (int i = 0; i < many.length; i++) {
                many[i] = owner("extra-" + i).skill("billing", i == 69 ? 9 : 0).skill("tech", i == 69 ? 9 : 0).build();
            }
            Router router = router(many);

            assertThat(aboveFloor(router, 10)).containsExactly("extra-69");
            assertThat(find(router, "chat", view -> {
                Eligible eligible = view.eligible(billingAndTech, BusyPolicy.EXCLUDE);
                eligible.advanceTo(60);
                eligible.raiseScoreFloor(10);
                return eligible.next() ? List.of(eligible.owner().id()) : List.of();
            })).as("the floor rises while the walk is in the second word").containsExactly("extra-69");
        }
    }

    @Nested
    class CeilingAndCount {
        @Test
        void theCeilingIsTheSumOfTheHighestLevelsOfTheRequiredSkills_andNobodyWithoutOneOfThem() {
            Router router = router();

            assertThat(find(router, "chat", view -> List.of(
                    "billing+tech " + view.eligible(skills(BILLING_ANY, TECH_ANY), BusyPolicy.EXCLUDE).scoreCeiling(),
                    "none " + view.eligible(Requirements.NONE, BusyPolicy.EXCLUDE).scoreCeiling(),
                    "legal " + view.eligible(skills(SkillRequirement.required("legal", 0)), BusyPolicy.EXCLUDE)
                            .scoreCeiling())))
                    .containsExactly("billing+tech 9", "none 0", "legal " + Integer.MIN_VALUE);
        }

        @Test
        void countsTheOwnersLeft_afterTheCurrentOne_andEndsTheWalk() {
            List<String> counted = find(router(), "chat", view -> {
                Eligible eligible = view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE);
                eligible.next();
                String first = eligible.owner().id();
                int rest = eligible.countRest();
                return List.of(first, "rest " + rest, "then " + eligible.next());
            });

            assertThat(counted).containsExactly("ana", "rest 3", "then false");
        }

        @Test
        void countsOnlyTheOwnersWithRoomOnTheChannel_andAtTheFloor_acrossWords() {
            Owner[] many = new Owner[130];
            for (int i = 0; i < many.length; i++) {
                many[i] = owner("extra-" + i).skill("billing", i % 2 == 0 ? 5 : 2).build();
            }
            Router router = router(many);
            assign(router, "a1", "extra-0");
            assign(router, "a2", "extra-0"); // full: left out of the count
            assign(router, "a3", "extra-2"); // room for one more: still counted

            List<String> counted = find(router, "chat", view -> {
                Eligible eligible = view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE);
                int all = eligible.countRest();
                Eligible atFive = view.eligible(skills(BILLING_ANY), BusyPolicy.EXCLUDE);
                atFive.raiseScoreFloor(5);
                atFive.next();
                return List.of("all " + all, atFive.owner().id() + " then " + atFive.countRest());
            });

            assertThat(counted).as("ana, ben, cy, fay and 129 extras; cy, then the 64 extras at level 5 besides extra-0")
                    .containsExactly("all 133", "cy then 64");
        }
    }
}

package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The baseline must do the same work as the router, or the benchmark's ratios mean nothing: on the benchmark's own
 * roster and conversations, both engines pick the same owner in every cycle (weighted shares excepted, see
 * {@link NaiveRouter}). No timing is checked here.
 */
class BaselineAgreementTest {

    private static final int OWNERS = 300;
    private static final int CYCLES = 2_000;

    private static List<String> owners(RoutingEngine engine, Conversation[] conversations) {
        List<String> chosen = new ArrayList<>();
        for (Conversation conversation : conversations) {
            Object decision = engine.route(conversation);
            chosen.add(engine.assignedOwner(decision) + " by " + engine.decidedBy(decision));
            engine.release(conversation.id());
        }
        return chosen;
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"ROUND_ROBIN", "SKILL_BASED", "LEAST_LOADED", "STICKY"})
    void theBaselineDecidesLikeTheRouter(Scenario scenario) {
        List<RosterGenerator.Member> roster = RosterGenerator.generate(OWNERS, RouteReleaseBenchmark.ROSTER_SEED);
        Conversation[] conversations = ConversationGenerator.conversations("t0-", CYCLES, 7);

        List<String> switchboard = owners(RoutingEngine.create(RoutingEngine.Kind.SWITCHBOARD, scenario, roster),
                conversations);
        List<String> baseline = owners(RoutingEngine.create(RoutingEngine.Kind.BASELINE, scenario, roster),
                conversations);

        assertThat(baseline).isEqualTo(switchboard);
        assertThat(switchboard.stream().filter(owner -> !owner.startsWith("null")).count())
                .as("most conversations are assigned").isGreaterThan(CYCLES / 2);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"WEIGHTED_CAPACITY", "CHAIN"})
    void withWeightedShares_bothEnginesPlaceTheSameConversations_withTheSameSteps(Scenario scenario) {
        List<RosterGenerator.Member> roster = RosterGenerator.generate(OWNERS, RouteReleaseBenchmark.ROSTER_SEED);
        Conversation[] conversations = ConversationGenerator.conversations("t0-", CYCLES, 7);

        List<String> switchboard = steps(RoutingEngine.create(RoutingEngine.Kind.SWITCHBOARD, scenario, roster),
                conversations);
        List<String> baseline = steps(RoutingEngine.create(RoutingEngine.Kind.BASELINE, scenario, roster),
                conversations);

        assertThat(baseline).isEqualTo(switchboard);
    }

    /** Only the step that decided: weighted picks differ, and so then may the chain's later sticky answers. */
    private static List<String> steps(RoutingEngine engine, Conversation[] conversations) {
        List<String> steps = new ArrayList<>();
        for (Conversation conversation : conversations) {
            Object decision = engine.route(conversation);
            String step = engine.decidedBy(decision);
            steps.add(step.equals("sticky") ? "sticky or weighted" : step.equals("weighted-capacity")
                    ? "sticky or weighted" : step);
            engine.release(conversation.id());
        }
        return steps;
    }

    @Test
    void theChainUsesEveryStep_onTheBenchmarkMix() {
        RoutingEngine engine = RoutingEngine.create(RoutingEngine.Kind.SWITCHBOARD, Scenario.CHAIN,
                RosterGenerator.generate(1_000, RouteReleaseBenchmark.ROSTER_SEED));
        Map<String, Integer> decidedBy = new HashMap<>();
        for (Conversation conversation : ConversationGenerator.conversations("t0-", CYCLES, 7)) {
            decidedBy.merge(engine.decidedBy(engine.route(conversation)), 1, Integer::sum);
            engine.release(conversation.id());
        }

        assertThat(decidedBy).containsKeys("sticky", "skill-based", "weighted-capacity");
        assertThat(decidedBy.get("sticky")).isBetween(CYCLES / 10, CYCLES / 2);
    }

    @Test
    void theRosterIsReproducible_andHasTheDocumentedPresenceMix() {
        List<RosterGenerator.Member> roster = RosterGenerator.generate(10_000, 1);

        assertThat(RosterGenerator.generate(10_000, 1)).isEqualTo(roster);
        Map<Presence, Long> presence = new HashMap<>();
        roster.forEach(member -> presence.merge(member.presence(), 1L, Long::sum));
        assertThat(presence.get(Presence.ONLINE)).isBetween(6_700L, 7_300L);
        assertThat(presence.get(Presence.OFFLINE)).isBetween(800L, 1_200L);
        assertThat(roster).allSatisfy(member -> {
            assertThat(member.owner().capacity().total()).isBetween(2, 8);
            assertThat(member.backgroundLoad()).isBetween(0, member.owner().capacity().total());
            assertThat(member.owner().skills()).isNotEmpty();
        });
    }
}

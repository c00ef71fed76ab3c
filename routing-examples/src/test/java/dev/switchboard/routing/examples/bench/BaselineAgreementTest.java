package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baseline must do the same work as the router, or the benchmark's ratios mean nothing: on the benchmark's own
 * workload, both engines pick the same owner in every cycle (weighted shares excepted, see {@link NaiveRouter}).
 * The runs go round the conversation cycle more than once, so that one-off customers come back after the customer
 * memory has forgotten them, as they do in the benchmark. No timing is checked here.
 */
class BaselineAgreementTest {

    private static final int OWNERS = 100;
    /** More than one cycle of conversations, so that one-offs return after their memory has expired. */
    private static final int CYCLES = ConversationGenerator.CYCLE + 4_000;

    /** Runs the benchmark's loop on one thread and records what each decision says. */
    private static List<String> run(RoutingEngine.Kind kind, Scenario scenario, int owners, int cycles,
            BiFunction<RoutingEngine, Object, String> record) {
        ManualClock clock = new ManualClock(ConversationGenerator.CREATED_AT);
        RoutingEngine engine = RoutingEngine.create(kind, scenario,
                RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED), clock);
        ConversationCycle cycle = new ConversationCycle("t0-", RouteReleaseBenchmark.CONVERSATION_SEED, clock);
        List<String> decisions = new ArrayList<>(cycles);
        for (int i = 0; i < cycles; i++) {
            Conversation conversation = cycle.next();
            decisions.add(record.apply(engine, engine.route(conversation)));
            engine.release(conversation.id());
        }
        return decisions;
    }

    private static String ownerAndStep(RoutingEngine engine, Object decision) {
        return engine.assignedOwner(decision) + " by " + engine.decidedBy(decision);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"ROUND_ROBIN", "SKILL_BASED", "LEAST_LOADED", "STICKY"})
    void theBaselineDecidesLikeTheRouter(Scenario scenario) {
        List<String> switchboard = run(RoutingEngine.Kind.SWITCHBOARD, scenario, OWNERS, CYCLES,
                BaselineAgreementTest::ownerAndStep);
        List<String> baseline = run(RoutingEngine.Kind.BASELINE, scenario, OWNERS, CYCLES,
                BaselineAgreementTest::ownerAndStep);

        assertThat(baseline).isEqualTo(switchboard);
        assertThat(switchboard.stream().filter(owner -> !owner.startsWith("null")).count())
                .as("most conversations are assigned").isGreaterThan(CYCLES / 2);
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = {"WEIGHTED_CAPACITY", "CHAIN"})
    void withWeightedShares_bothEnginesPlaceTheSameConversations_atTheSameSteps(Scenario scenario) {
        List<String> switchboard = run(RoutingEngine.Kind.SWITCHBOARD, scenario, OWNERS, CYCLES,
                RoutingEngine::decidedBy);
        List<String> baseline = run(RoutingEngine.Kind.BASELINE, scenario, OWNERS, CYCLES,
                RoutingEngine::decidedBy);

        assertThat(baseline).isEqualTo(switchboard);
    }

    @Test
    void onTheBenchmarkMix_stickyDecidesForTheRegulars_andTheChainUsesEveryStep() {
        List<String> steps = run(RoutingEngine.Kind.SWITCHBOARD, Scenario.CHAIN, 1_000, CYCLES,
                RoutingEngine::decidedBy);

        Map<String, Integer> decidedBy = new HashMap<>();
        steps.subList(ConversationGenerator.CYCLE, CYCLES).forEach(step -> decidedBy.merge(step, 1, Integer::sum));
        assertThat(decidedBy).containsKeys("sticky", "skill-based", "weighted-capacity");
        int counted = CYCLES - ConversationGenerator.CYCLE;
        assertThat(decidedBy.get("sticky")).as("regulars are 30%").isBetween(counted / 4, counted * 35 / 100);
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

package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.ThreadParams;

/** Each benchmark's body, run a few times outside JMH: it does the work it says, and nothing is timed. */
class BenchmarkBodiesTest {

    private static final ThreadParams ONE_THREAD = new ThreadParams(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    private static final List<RosterGenerator.Member> ROSTER_1000 =
            RosterGenerator.generate(1_000, RouteReleaseBenchmark.ROSTER_SEED);

    private static ThreadConversations conversations(BenchmarkClock clock) {
        ThreadConversations conversations = new ThreadConversations();
        conversations.build(clock, ONE_THREAD);
        return conversations;
    }

    @Test
    void theFloor_takesOnlineAgentsWithRoom_inRotation() {
        BenchmarkClock clock = new BenchmarkClock();
        FloorBenchmark floor = new FloorBenchmark();
        floor.owners = 1_000;
        floor.buildRoster();
        ThreadConversations thread = conversations(clock);

        int first = floor.routeAndRelease(thread);
        int second = floor.routeAndRelease(thread);

        assertThat(List.of(first, second)).allSatisfy(owner -> {
            RosterGenerator.Member member = ROSTER_1000.get(owner);
            assertThat(member.presence()).isEqualTo(Presence.ONLINE);
            assertThat(member.backgroundLoad()).isLessThan(member.owner().capacity().total());
        });
        assertThat(second).as("the cursor moved on past the first").isGreaterThan(first);
    }

    @Test
    void theBuilder_buildsTheConversationItDescribes() {
        Conversation conversation = new ConversationBuilderBenchmark().build();

        assertThat(conversation.channel()).isEqualTo("chat");
        assertThat(conversation.priority()).isEqualTo(Priority.HIGH);
        assertThat(conversation.requiredSkills()).singleElement()
                .satisfies(requirement -> assertThat(requirement.skill()).isEqualTo("billing"));
    }

    @Nested
    class WeightedPicks {

        private final WeightedPickBenchmark benchmark = built();

        private static WeightedPickBenchmark built() {
            WeightedPickBenchmark benchmark = new WeightedPickBenchmark();
            benchmark.owners = 50;
            benchmark.buildAgents();
            return benchmark;
        }

        private final List<RosterGenerator.Member> roster = RosterGenerator.generate(50,
                RouteReleaseBenchmark.ROSTER_SEED);
        private final long totalWeight = roster.stream().mapToLong(member -> member.owner().weight()).sum();

        @Test
        void weightedCapacity_assignsInProportionToWeight_asItsSequenceMoves() {
            Map<String, Integer> picks = new HashMap<>();
            long period = totalWeight / 50; // the weights are multiples of 50: one period of the reduced schedule
            for (int i = 0; i < period; i++) {
                Verdict verdict = benchmark.weightedCapacity();
                assertThat(verdict).isInstanceOf(Verdict.Assign.class);
                picks.merge(((Verdict.Assign) verdict).ownerId(), 1, Integer::sum);
            }

            assertThat(roster).allSatisfy(member -> assertThat(picks.getOrDefault(member.owner().id(), 0))
                    .as(member.owner().id()).isEqualTo(member.owner().weight() / 50));
        }

        @Test
        void grpcsScheduler_isReached_andPicksInProportionToWeight() {
            int[] picks = new int[50];
            int rounds = 20;
            for (long i = 0; i < rounds * totalWeight / 50; i++) {
                picks[benchmark.grpcStaticStride()]++;
            }

            for (int owner = 0; owner < 50; owner++) {
                int expected = rounds * roster.get(owner).owner().weight() / 50;
                assertThat(picks[owner]).as("agent " + owner).isBetween(expected * 9 / 10, expected * 11 / 10);
            }
        }
    }

    @Nested
    class PreparedRouters {

        private final BenchmarkClock clock = new BenchmarkClock();

        private RouteReleaseBenchmark benchmark(String strategy, int owners, int waiting, int churned) {
            RouteReleaseBenchmark benchmark = new RouteReleaseBenchmark();
            benchmark.strategy = strategy;
            benchmark.owners = owners;
            benchmark.impl = "switchboard";
            benchmark.waiting = waiting;
            benchmark.churned = churned;
            benchmark.buildEngine(clock);
            return benchmark;
        }

        @Test
        void waitingConversations_stayWaiting_whileTheCyclesGoOn() {
            RouteReleaseBenchmark benchmark = benchmark("skill-based", 100, 200, 0);
            ThreadConversations thread = conversations(clock);

            for (int i = 0; i < 50; i++) {
                benchmark.routeAndRelease(thread);
            }

            assertThat(((SwitchboardEngine) benchmark.engine()).router().waiting()).hasSize(200)
                    .allSatisfy(waiting -> assertThat(waiting.conversation().id()).startsWith("unstaffed-"));
        }

        @Test
        void afterAgentsJoinedAndLeft_theRosterIsTheBenchmarks_andDecisionsAssign() {
            RouteReleaseBenchmark benchmark = benchmark("chain", 50, 0, 1_000);
            ThreadConversations thread = conversations(clock);

            assertThat(((SwitchboardEngine) benchmark.engine()).router().roster()).hasSize(50);
            long assigned = 0;
            for (int i = 0; i < 100; i++) {
                if (benchmark.routeAndRelease(thread) instanceof Decision.Assigned) {
                    assigned++;
                }
            }
            assertThat(assigned).isGreaterThan(50);
        }

        @Test
        void waitingNeedsAScenarioThatChecksSkills_andTheBaselinesRosterCannotChurn() {
            ManualClock manual = new ManualClock(ConversationGenerator.CREATED_AT);

            assertThatThrownBy(() -> EngineSetup.engine(RoutingEngine.Kind.SWITCHBOARD, Scenario.ROUND_ROBIN, 10,
                    manual, 1, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("unstaffed-0");
            assertThatThrownBy(() -> EngineSetup.engine(RoutingEngine.Kind.BASELINE, Scenario.CHAIN, 10, manual, 0,
                    5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("churned must be 0");
            assertThatThrownBy(() -> EngineSetup.engine(RoutingEngine.Kind.SWITCHBOARD, Scenario.CHAIN, 10, manual,
                    -1, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        }
    }
}

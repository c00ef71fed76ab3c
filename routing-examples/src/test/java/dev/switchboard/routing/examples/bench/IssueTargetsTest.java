package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IssueTargetsTest {

    /** A throughput cell answering a query, on a quiet machine. */
    static Cell cell(Cell.Query query, double opsPerSecond, double bytesPerOp) {
        return Cell.throughput(query.benchmark(), query.params(), query.threads(), opsPerSecond, opsPerSecond,
                opsPerSecond, bytesPerOp, 1, 2);
    }

    private static IssueTargets.Outcome outcome(List<Cell> cells, String measureStart) {
        return IssueTargets.evaluate(cells).stream()
                .filter(outcome -> outcome.target().measure().startsWith(measureStart))
                .findFirst().orElseThrow();
    }

    @Test
    void theRouterAgainstTheFloor_isTheFloorsThroughputOverTheRouters() {
        List<Cell> cells = List.of(cell(IssueTargets.FLOOR, 24_000_000, 32),
                cell(IssueTargets.ROUND_ROBIN, 1_000_000, 408), cell(IssueTargets.CHAIN, 2_000_000, 200));

        IssueTargets.Outcome roundRobin = outcome(cells, "round-robin route+release");
        IssueTargets.Outcome chain = outcome(cells, "full chain");

        assertThat(roundRobin.value()).hasValueCloseTo(24.0, Offset.offset(1e-9));
        assertThat(roundRobin.met()).isFalse();
        assertThat(roundRobin.verdict()).isEqualTo("not met");
        assertThat(roundRobin.measuredValue()).isEqualTo("24×");
        assertThat(chain.value()).hasValueCloseTo(12.0, Offset.offset(1e-9));
        assertThat(chain.verdict()).isEqualTo("met");
        assertThat(outcome(cells, "allocation per cycle, round-robin").verdict()).isEqualTo("not met");
        assertThat(outcome(cells, "allocation per cycle, chain").measuredValue()).isEqualTo("200 B");
        assertThat(outcome(cells, "allocation per cycle, chain").met()).isTrue();
    }

    @Test
    void aTargetWhoseCellsDidNotRun_isNotMeasured_andNotMet() {
        IssueTargets.Outcome outcome = outcome(List.of(cell(IssueTargets.FLOOR, 24_000_000, 32)),
                "round-robin route+release");

        assertThat(outcome.measured()).isFalse();
        assertThat(outcome.met()).isFalse();
        assertThat(outcome.measuredValue()).isEqualTo("not measured");
        assertThat(outcome.verdict()).isEqualTo("–");
    }

    @Test
    void twoThreadsAgainstOne_isAFloor_metFromOnePointSixUp() {
        List<Cell> cells = List.of(cell(IssueTargets.SKILL_BASED, 1_000_000, 0),
                cell(IssueTargets.SKILL_BASED.onThreads(2), 1_600_000, 0),
                cell(IssueTargets.CHAIN, 1_000_000, 0), cell(IssueTargets.CHAIN.onThreads(2), 1_170_000, 0));

        assertThat(outcome(cells, "2 threads vs 1, skill-based").met()).isTrue();
        assertThat(outcome(cells, "2 threads vs 1, chain").met()).isFalse();
        assertThat(outcome(cells, "2 threads vs 1, chain").measuredValue()).isEqualTo("1.17×");
    }

    @Test
    void theRecorder_costsTheThroughputItTakesAway_andItsCyclesBytes() {
        List<Cell> cells = List.of(cell(IssueTargets.ROUND_ROBIN, 1_000_000, 400),
                cell(IssueTargets.RECORDED_ROUND_ROBIN, 150_000, 11_000));

        IssueTargets.Outcome lost = outcome(cells, "recorder on vs off");

        assertThat(lost.value()).hasValueCloseTo(85.0, Offset.offset(1e-9));
        assertThat(lost.measuredValue()).isEqualTo("85%");
        assertThat(lost.met()).isFalse();
        assertThat(outcome(cells, "recorder on, round-robin: allocation").value()).as("what recording adds")
                .hasValue(10_600.0);
    }

    @Test
    void eachPreparedCell_isComparedWithTheSameRouterUnprepared() {
        List<Cell> cells = List.of(cell(IssueTargets.SKILL_BASED, 1_000_000, 0),
                cell(IssueTargets.WAITING_SKILL_BASED, 200_000, 0),
                cell(IssueTargets.SKILL_BASED.with("owners", "100000"), 50_000, 0),
                cell(IssueTargets.FRESH_CHAIN, 1_200_000, 0), cell(IssueTargets.CHURNED_CHAIN, 1_000_000, 0),
                cell(IssueTargets.GRPC, 200_000_000, 0), cell(IssueTargets.WEIGHTED, 20_000_000, 0));

        assertThat(outcome(cells, "skill-based route+release while 5,000").value()).hasValue(5.0);
        assertThat(outcome(cells, "skill-based at 100,000").value()).hasValue(20.0);
        assertThat(outcome(cells, "chain decisions after 200,000").value()).hasValueCloseTo(1.2, Offset.offset(1e-9));
        assertThat(outcome(cells, "chain decisions after 200,000").met()).as("1.2× is within at most 1.2×").isTrue();
        assertThat(outcome(cells, "WeightedCapacity").value()).hasValue(10.0);
    }

    @Test
    void theBuildersTime_isOneSecondOverItsThroughput_andTheLatencyTarget_readsTheChainsP999() {
        List<Cell> cells = new ArrayList<>(List.of(cell(IssueTargets.BUILD, 5_000_000, 1_050)));
        cells.add(Cell.latency(IssueTargets.ROUTE_RELEASE, IssueTargets.CHAIN.params(), 1, 2, 8, 25, 0, 0));

        assertThat(outcome(cells, "Conversation built with its builder, time").measuredValue()).isEqualTo("200 ns");
        assertThat(outcome(cells, "Conversation built with its builder, allocation").met()).isFalse();
        assertThat(outcome(cells, "chain latency p99.9").measuredValue()).isEqualTo("25.0 µs");
        assertThat(outcome(cells, "chain latency p99.9").met()).isFalse();
    }

    @Test
    void queries_matchTheirBenchmarkThreadsModeAndEveryParameterTheyName() {
        Cell chain = cell(IssueTargets.CHAIN, 1, 0);

        assertThat(chain.matches(IssueTargets.CHAIN)).isTrue();
        assertThat(chain.matches(IssueTargets.CHAIN.onThreads(2))).isFalse();
        assertThat(chain.matches(IssueTargets.CHAIN.latencyOf())).isFalse();
        assertThat(chain.matches(IssueTargets.CHAIN.with("waiting", "5000"))).isFalse();
        assertThat(chain.matches(new Cell.Query(IssueTargets.ROUTE_RELEASE, 1, false, Map.of("strategy", "chain"))))
                .isTrue();
    }
}

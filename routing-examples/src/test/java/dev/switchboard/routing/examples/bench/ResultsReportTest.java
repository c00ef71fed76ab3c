package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsReportTest {

    private static String write(List<Cell> cells) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream md = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultsReport.write(new ResultsReport.Run("Mode `short`", "5 min 2 s", "a test machine", cells,
                    List.of("chain, 1,000 agents: sticky 30%")), md);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Cell loaded(Cell cell, double otherLoad, double otherLoadMax) {
        return Cell.throughput(cell.benchmark(), cell.params(), cell.threads(), cell.opsPerSecond(), cell.slowest(),
                cell.fastest(), cell.bytesPerOp(), otherLoad, otherLoadMax);
    }

    @Test
    void theTargetsTable_hasEveryTarget_withItsMeasuredValueAndVerdict() {
        String report = write(List.of(IssueTargetsTest.cell(IssueTargets.FLOOR, 24_000_000, 32),
                IssueTargetsTest.cell(IssueTargets.ROUND_ROBIN, 6_000_000, 48)));

        assertThat(report).contains("| round-robin route+release, vs the floor (floor ops/s ÷ round-robin ops/s) "
                + "| 25× | at most 5.00× | 4.00× | met |");
        assertThat(report).contains("| allocation per cycle, round-robin | 408 B | at most 64 B | 48 B | met |");
        assertThat(report).contains("| full chain, vs the floor (floor ops/s ÷ chain ops/s) | 47× | at most 15× "
                + "| not measured | – |");
        assertThat(report).contains("2 of " + IssueTargets.ALL.size() + " targets met, 2 measured");
        assertThat(report.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| measure |")
                && (line.endsWith("| met |") || line.endsWith("| not met |") || line.endsWith("| – |"))).count())
                .isEqualTo(IssueTargets.ALL.size());
    }

    @Test
    void theFloorOnTwoThreads_isGivenBesideTheTargets_asWhatTwoThreadsCanGainAtBest() {
        String withIt = write(List.of(IssueTargetsTest.cell(IssueTargets.FLOOR, 24_000_000, 32),
                IssueTargetsTest.cell(IssueTargets.FLOOR_ON_TWO_THREADS, 12_000_000, 32)));
        String without = write(List.of(IssueTargetsTest.cell(IssueTargets.FLOOR, 24_000_000, 32)));

        assertThat(withIt).contains("the floor itself on 2 threads runs 0.50× its 1-thread ops/s in this run");
        assertThat(without).doesNotContain("the floor itself on 2 threads");
    }

    @Test
    void everyThroughputCell_isListedWithItsMultipleOfTheFloor_andItsLoad() {
        String report = write(List.of(IssueTargetsTest.cell(IssueTargets.FLOOR, 24_000_000, 32),
                IssueTargetsTest.cell(IssueTargets.CHAIN, 2_000_000, 900),
                IssueTargetsTest.cell(IssueTargets.BUILD, 1_250_000, 1_050)));

        assertThat(report).contains("| RouteReleaseBenchmark.routeAndRelease | impl=switchboard owners=1000 "
                + "strategy=chain | 1 | 2,000,000 (2,000,000–2,000,000) | 12× | – | 900 | 1% (max 2%) |");
        assertThat(report).contains("| FloorBenchmark.routeAndRelease | owners=1000 | 1 | 24,000,000 "
                + "(24,000,000–24,000,000) | 1.00× |");
        assertThat(report).as("not a route+release: no multiple of the floor")
                .contains("| ConversationBuilderBenchmark.build | – | 1 | 1,250,000 (1,250,000–1,250,000) | – "
                        + "| – | 1,050 |");
        assertThat(report).contains("Other processes used at most 10% of the CPUs during every cell.");
    }

    @Test
    void aCellOnALoadedMachine_isWarnedAbout_inTheReportAndTheWarnings() {
        Cell busy = loaded(IssueTargetsTest.cell(IssueTargets.CHAIN, 2_000_000, 900), 35, 60);
        List<Cell> cells = List.of(IssueTargetsTest.cell(IssueTargets.FLOOR, 24_000_000, 32), busy);

        String report = write(cells);

        assertThat(ResultsReport.warnings(cells)).singleElement().asString()
                .startsWith("WARNING: other processes used 35% of the CPUs on average (60% at most) during "
                        + "RouteReleaseBenchmark.routeAndRelease");
        assertThat(report).contains("**Warning: 1 of 2 cells ran on a loaded machine.**");
        assertThat(report).contains("| 35% (max 60%) ⚠ |");
    }

    @Test
    void aSwitchboardCellWhoseBaselineRan_isComparedWithIt() {
        Cell.Query baseline = IssueTargets.CHAIN.with("impl", "baseline");
        String report = write(List.of(IssueTargetsTest.cell(IssueTargets.CHAIN, 2_000_000, 900),
                IssueTargetsTest.cell(baseline, 20_000, 100_000)));

        assertThat(report).contains("strategy=chain | 1 | 2,000,000 (2,000,000–2,000,000) | – | 100× |");
    }

    @Test
    void latencyCells_haveTheirPercentiles_andTheStepsThatDecidedAreListed() {
        String report = write(List.of(Cell.latency(IssueTargets.ROUTE_RELEASE, IssueTargets.CHAIN.params(), 1, 1.25,
                9.5, 690, 0, 0)));

        assertThat(report).contains("| RouteReleaseBenchmark.routeAndRelease | impl=switchboard owners=1000 "
                + "strategy=chain | 1 | 1.3 | 9.5 | 690.0 | 0% (max 0%) |");
        assertThat(report).contains("| chain latency p99.9 | about 690 µs under load | at most 20.0 µs | 690.0 µs "
                + "| not met |");
        assertThat(report).contains("- chain, 1,000 agents: sticky 30%");
    }
}

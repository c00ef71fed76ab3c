package dev.switchboard.routing.examples.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Markdown results file of a suite run: how it ran and on what, how busy the machine was with other work, each
 * target of issue 15 with its measured value and whether it is met, then every cell's figures (throughput as a
 * multiple of the floor's cost, bytes per operation, latency percentiles) and which step decided.
 */
final class ResultsReport {

    /**
     * One run, as the report describes it.
     *
     * @param settings how each cell ran (forks, iterations), in words
     * @param took how long the whole run took, in words
     * @param machine the machine and JVM, in words
     * @param cells every cell measured, in the order they ran
     * @param decidedBy which step decided, one line per scenario
     */
    record Run(String settings, String took, String machine, List<Cell> cells, List<String> decidedBy) {
        Run {
            cells = List.copyOf(cells);
            decidedBy = List.copyOf(decidedBy);
        }
    }

    private ResultsReport() {}

    /** A warning for each cell during which other processes used more than {@value MachineLoad#WARN_ABOVE_PERCENT}%. */
    static List<String> warnings(List<Cell> cells) {
        return cells.stream().filter(Cell::loaded)
                .map(cell -> "WARNING: other processes used " + percent(cell.otherLoad()) + " of the CPUs on average ("
                        + percent(cell.otherLoadMax()) + " at most) during " + cell.label()
                        + ": its figures are not those of a quiet machine")
                .toList();
    }

    /** Writes the report of a run. */
    static void write(Run run, PrintStream md) {
        md.println("# Benchmark results");
        md.println();
        md.println(run.settings() + "; took " + run.took() + ".");
        md.println();
        md.println("Machine: " + run.machine());
        md.println();
        load(run.cells(), md);
        targets(run.cells(), md);
        throughput(run.cells(), md);
        latency(run.cells(), md);
        if (!run.decidedBy().isEmpty()) {
            md.println("## Which step decided");
            md.println();
            md.println("Switchboard, one thread, computed after the benchmarks: the decisions counted after those "
                    + "that warm the customer memory.");
            md.println();
            run.decidedBy().forEach(line -> md.println("- " + line));
            md.println();
        }
    }

    private static void load(List<Cell> cells, PrintStream md) {
        md.println("## Load on the machine");
        md.println();
        md.println("Each cell's last column is the share of all the CPUs that went to processes other than the "
                + "benchmark's fork and the JMH host during its measured iterations: the machine's busy time from "
                + "/proc/stat less the two JVMs' own CPU time from /proc/PID/stat, as the mean and the highest of one "
                + "iteration. Above " + percent(MachineLoad.WARN_ABOVE_PERCENT) + " a cell's figures are not a "
                + "quiet machine's.");
        md.println();
        List<String> warnings = warnings(cells);
        long measured = cells.stream().filter(cell -> !Double.isNaN(cell.otherLoad())).count();
        if (!warnings.isEmpty()) {
            md.println("**Warning: " + warnings.size() + " of " + cells.size() + " cells ran on a loaded machine.**");
            md.println();
            warnings.forEach(warning -> md.println("- " + warning));
        } else if (measured < cells.size()) {
            md.println("The load was not known for " + (cells.size() - measured) + " of " + cells.size()
                    + " cells (no /proc).");
        } else {
            md.println("Other processes used at most " + percent(MachineLoad.WARN_ABOVE_PERCENT)
                    + " of the CPUs during every cell.");
        }
        md.println();
    }

    private static void targets(List<Cell> cells, PrintStream md) {
        List<IssueTargets.Outcome> outcomes = IssueTargets.evaluate(cells);
        long met = outcomes.stream().filter(IssueTargets.Outcome::met).count();
        long measured = outcomes.stream().filter(IssueTargets.Outcome::measured).count();
        md.println("## Targets (issue 15)");
        md.println();
        md.println(met + " of " + outcomes.size() + " targets met, " + measured + " measured; 1 thread and 1,000 "
                + "agents unless said.");
        md.println();
        md.println("| measure | when filed | target | measured | met |");
        md.println("| --- | --- | --- | ---: | --- |");
        outcomes.forEach(outcome -> md.println("| " + outcome.target().measure() + " | " + outcome.target().was()
                + " | " + outcome.target().goal() + " | " + outcome.measuredValue() + " | " + outcome.verdict()
                + " |"));
        md.println();
        OptionalDouble floorScaling = IssueTargets.floorScaling(cells);
        if (floorScaling.isPresent()) {
            md.println("For the 2-thread targets: the floor itself on 2 threads runs "
                    + IssueTargets.Unit.TIMES.format(floorScaling.getAsDouble()) + " its 1-thread ops/s in this run, "
                    + "its two threads sharing one rotation cursor and one placement map.");
            md.println();
        }
    }

    private static void throughput(List<Cell> cells, PrintStream md) {
        Optional<Cell> floor = IssueTargets.find(cells, IssueTargets.FLOOR);
        md.println("## Throughput");
        md.println();
        md.println("The mean of the measured iterations, with the slowest and fastest in brackets (JMH's own ± is in "
                + "the JSON). × floor is the floor's ops/s (1,000 agents, 1 thread) over the cell's: how many times "
                + "the least possible work a route+release costs. B/op is bytes allocated per operation.");
        md.println();
        md.println("| benchmark | parameters | threads | ops/s | × floor | vs baseline | B/op | other load |");
        md.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Cell cell : cells) {
            if (cell.latency()) {
                continue;
            }
            String timesFloor = floor.isPresent() && isRouteRelease(cell)
                    ? IssueTargets.Unit.TIMES.format(floor.get().opsPerSecond() / cell.opsPerSecond())
                    : "–";
            md.println("| " + cell.benchmark() + " | " + parameters(cell) + " | " + cell.threads() + " | "
                    + count(cell.opsPerSecond()) + " (" + count(cell.slowest()) + "–" + count(cell.fastest()) + ") | "
                    + timesFloor + " | " + versusBaseline(cell, cells) + " | " + count(cell.bytesPerOp()) + " | "
                    + load(cell) + " |");
        }
        md.println();
    }

    private static void latency(List<Cell> cells, PrintStream md) {
        if (cells.stream().noneMatch(Cell::latency)) {
            return;
        }
        md.println("## Latency");
        md.println();
        md.println("Route+release cycles timed one by one (JMH's `Mode.SampleTime`), in microseconds.");
        md.println();
        md.println("| benchmark | parameters | threads | p50 µs | p99 µs | p99.9 µs | other load |");
        md.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        cells.stream().filter(Cell::latency).forEach(cell -> md.println("| " + cell.benchmark() + " | "
                + parameters(cell) + " | " + cell.threads() + " | " + micros(cell.p50Micros()) + " | "
                + micros(cell.p99Micros()) + " | " + micros(cell.p999Micros()) + " | " + load(cell) + " |"));
        md.println();
    }

    private static boolean isRouteRelease(Cell cell) {
        return cell.benchmark().equals(IssueTargets.ROUTE_RELEASE)
                || cell.benchmark().equals(IssueTargets.FLOOR_ROUTE_RELEASE);
    }

    /** The router's ops/s over the baseline's in the same cell, for a switchboard cell whose baseline ran. */
    private static String versusBaseline(Cell cell, List<Cell> cells) {
        if (!"switchboard".equals(cell.params().get("impl"))) {
            return "–";
        }
        Map<String, String> baseline = new TreeMap<>(cell.params());
        baseline.put("impl", "baseline");
        return IssueTargets.find(cells, new Cell.Query(cell.benchmark(), cell.threads(), false, baseline))
                .map(base -> IssueTargets.Unit.TIMES.format(cell.opsPerSecond() / base.opsPerSecond()))
                .orElse("–");
    }

    /** The parameters in name order, leaving out preparations that were not made ({@code waiting=0}, ...). */
    private static String parameters(Cell cell) {
        String named = new TreeMap<>(cell.params()).entrySet().stream()
                .filter(e -> !(e.getValue().equals("0") && (e.getKey().equals("waiting")
                        || e.getKey().equals("churned"))))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return named.isEmpty() ? "–" : named;
    }

    private static String load(Cell cell) {
        if (Double.isNaN(cell.otherLoad())) {
            return "unknown";
        }
        String load = percent(cell.otherLoad()) + " (max " + percent(cell.otherLoadMax()) + ")";
        return cell.loaded() ? load + " ⚠" : load;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}

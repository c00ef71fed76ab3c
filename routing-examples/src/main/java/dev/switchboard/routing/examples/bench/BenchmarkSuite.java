package dev.switchboard.routing.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the cells of a {@link SuitePlan} in one JMH run, the floor ({@link FloorBenchmark}) and gRPC's weighted pick
 * among them, every cell with {@link MachineLoadProfiler} and every throughput cell with JMH's GC profiler, then
 * writes JMH's JSON and a Markdown report ({@link ResultsReport}): each target of issue 15 with its measured value and
 * whether it is met, every cell's figures, and the load on the machine, with a warning printed for each cell during
 * which other processes used more than {@value MachineLoad#WARN_ABOVE_PERCENT}% of the CPUs.
 *
 * <pre>
 * java -cp routing-examples/target/benchmarks.jar dev.switchboard.routing.examples.bench.BenchmarkSuite --short
 * </pre>
 *
 * <ul>
 *   <li>{@code --short} (the default): the cells the targets need ({@link SuitePlan#SHORT}), one fork each, 4 warm-up
 *       and 3 measured iterations of one second; 21 cells of about 10 s each on two cores.</li>
 *   <li>{@code --full}: those, and every scenario at 10 to 100,000 agents on both engines and one and two threads,
 *       3 warm-up and 5 measured iterations of two seconds; about forty minutes.</li>
 *   <li>{@code --smoke}: the floor alone, one measured iteration of a second: that the suite runs and writes its
 *       files, in under a minute; its figures mean nothing.</li>
 *   <li>{@code --out DIR}: where {@code benchmark-results.json} and {@code benchmark-results.md} go (default
 *       {@code routing-examples/target}).</li>
 * </ul>
 */
public final class BenchmarkSuite {

    private static final String PACKAGE = BenchmarkSuite.class.getPackageName() + ".";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private BenchmarkSuite() {}

    /** Runs a mode of the suite; see the class comment for the options. */
    public static void main(String[] args) throws RunnerException, IOException {
        SuitePlan plan = SuitePlan.SHORT;
        Path out = Path.of("routing-examples", "target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> plan = SuitePlan.SHORT;
                case "--full" -> plan = SuitePlan.FULL;
                case "--smoke" -> plan = SuitePlan.SMOKE;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    out = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --short, --full, --smoke, --out DIR");
            }
        }
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        for (SuitePlan.Group group : plan.groups()) {
            results.addAll(new Runner(options(plan, group)).run());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        List<Cell> cells = results.stream().map(BenchmarkSuite::cell).toList();

        Path json = out.resolve("benchmark-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        Path markdown = out.resolve("benchmark-results.md");
        ResultsReport.Run run = new ResultsReport.Run("Mode `" + plan.name() + "`: 1 fork per cell, " + plan.warmups()
                + " warm-up and " + plan.iterations() + " measured iterations of " + plan.time(),
                seconds / 60 + " min " + seconds % 60 + " s", machine(), cells, stepMix(cells));
        try (PrintStream md = new PrintStream(Files.newOutputStream(markdown), true, StandardCharsets.UTF_8)) {
            ResultsReport.write(run, md);
        }
        System.out.println("\nResults: " + json + " and " + markdown);
        Files.readAllLines(markdown).forEach(System.out::println);
        ResultsReport.warnings(cells).forEach(System.err::println);
    }

    /** JMH's options for one group of cells. */
    static Options options(SuitePlan plan, SuitePlan.Group group) {
        String method = group.benchmark().contains(".") ? "$" : "\\.\\w+$";
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(PACKAGE + group.benchmark()) + method)
                .threads(group.threads())
                .forks(1)
                .warmupIterations(plan.warmups())
                .warmupTime(plan.time())
                .measurementIterations(plan.iterations())
                .measurementTime(plan.time())
                .addProfiler(MachineLoadProfiler.class)
                .shouldFailOnError(true);
        group.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        if (group.latency()) {
            options.mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS);
        } else {
            options.mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS).addProfiler(GCProfiler.class);
        }
        return options.build();
    }

    /** What a JMH result says, as a {@link Cell}. */
    static Cell cell(RunResult result) {
        BenchmarkParams params = result.getParams();
        String benchmark = params.getBenchmark().substring(PACKAGE.length());
        Map<String, String> values = new LinkedHashMap<>();
        params.getParamsKeys().forEach(key -> values.put(key, params.getParam(key)));
        double other = score(result.getSecondaryResults().get(MachineLoadProfiler.OTHER));
        double otherMax = score(result.getSecondaryResults().get(MachineLoadProfiler.OTHER_MAX));
        Result<?> primary = result.getPrimaryResult();
        Statistics statistics = primary.getStatistics();
        if (params.getMode() == Mode.SampleTime) {
            if (!primary.getScoreUnit().equals("us/op")) {
                throw new IllegalStateException("latency of " + benchmark + " is in " + primary.getScoreUnit()
                        + ", not us/op");
            }
            return Cell.latency(benchmark, values, params.getThreads(), statistics.getPercentile(50),
                    statistics.getPercentile(99), statistics.getPercentile(99.9), other, otherMax);
        }
        return Cell.throughput(benchmark, values, params.getThreads(), primary.getScore(), statistics.getMin(),
                statistics.getMax(), score(result.getSecondaryResults().get(ALLOCATION)), other, otherMax);
    }

    private static double score(Result<?> result) {
        return result == null ? Double.NaN : result.getScore();
    }

    /** Which step decided, for each one-thread route+release scenario of the run up to 10,000 agents. */
    private static List<String> stepMix(List<Cell> cells) {
        return cells.stream()
                .filter(cell -> cell.benchmark().equals(IssueTargets.ROUTE_RELEASE) && !cell.latency()
                        && cell.threads() == 1 && "switchboard".equals(cell.params().get("impl"))
                        && "0".equals(cell.params().get("waiting")) && "0".equals(cell.params().get("churned"))
                        && Integer.parseInt(cell.params().get("owners")) <= 10_000)
                .map(cell -> StepMix.of(cell.params().get("strategy"), Integer.parseInt(cell.params().get("owners"))))
                .distinct()
                .toList();
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            Optional<String> model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).findFirst();
            if (model.isPresent()) {
                cpu = model.get().substring(model.get().indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unnamed
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available to the JVM; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + "); " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "; forks run with -Xms2g -Xmx2g.";
    }
}

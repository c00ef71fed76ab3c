package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a chosen set of {@link RouteReleaseBenchmark} cells, every one for both engines and with JMH's GC profiler
 * (bytes per operation), and writes the results: JMH's JSON, and a Markdown summary with the switchboard/baseline
 * ratio of each cell, the 1 → 2 thread scaling, which step decided the conversations, and the machine.
 *
 * <pre>
 * java -cp routing-examples/target/benchmarks.jar dev.switchboard.routing.examples.bench.BenchmarkSuite --short
 * </pre>
 *
 * <ul>
 *   <li>{@code --short} (the default): 34 cells, one fork each, 4 warm-up and 3 measured iterations of one second
 *       (on two cores the router's code is still being compiled during the second and third); about five minutes. Every strategy at 1,000 agents on one thread and on two; skill-based at
 *       10, 10,000 (one and two threads) and 100,000 agents and round-robin at 100,000, for how cost grows with
 *       the roster.</li>
 *   <li>{@code --full}: every strategy at 10, 1,000, 10,000 and 100,000 agents on one and two threads (96 cells),
 *       3 warm-up and 5 measured iterations of two seconds; about half an hour.</li>
 *   <li>{@code --out DIR}: where {@code benchmark-results.json} and {@code benchmark-results.md} go (default
 *       {@code routing-examples/target}).</li>
 * </ul>
 */
public final class BenchmarkSuite {

    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final List<String> ALL_STRATEGIES = java.util.Arrays.stream(Scenario.values())
            .map(Scenario::label).toList();

    /** Strategies × roster sizes × both engines, on a number of threads. */
    private record Group(List<String> strategies, List<Integer> owners, int threads) {}

    private record Settings(String name, int warmups, int iterations, TimeValue time, List<Group> groups) {}

    private static final Settings SHORT = new Settings("short", 4, 3, TimeValue.seconds(1), List.of(
            new Group(ALL_STRATEGIES, List.of(1_000), 1),
            new Group(List.of("skill-based"), List.of(10, 10_000, 100_000), 1),
            new Group(List.of("round-robin"), List.of(100_000), 1),
            new Group(ALL_STRATEGIES, List.of(1_000), 2),
            new Group(List.of("skill-based"), List.of(10_000), 2)));

    private static final Settings FULL = new Settings("full", 3, 5, TimeValue.seconds(2), List.of(
            new Group(ALL_STRATEGIES, List.of(10, 1_000, 10_000, 100_000), 1),
            new Group(ALL_STRATEGIES, List.of(10, 1_000, 10_000, 100_000), 2)));

    private BenchmarkSuite() {}

    public static void main(String[] args) throws RunnerException, IOException {
        Settings settings = SHORT;
        Path out = Path.of("routing-examples", "target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> settings = SHORT;
                case "--full" -> settings = FULL;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --short, --full, --out DIR");
            }
        }
        Files.createDirectories(out);
        long started = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        List<String> load = new ArrayList<>();
        for (Group group : settings.groups()) {
            String before = loadAverage();
            CpuSample start = CpuSample.now();
            results.addAll(new Runner(options(settings, group)).run());
            load.add(group.strategies() + " × " + group.owners() + " agents × " + group.threads() + " thread(s): "
                    + start.otherWorkUntil(CpuSample.now()) + "; load average " + before + " → " + loadAverage());
        }
        long minutes = (System.nanoTime() - started) / 60_000_000_000L;
        long seconds = (System.nanoTime() - started) / 1_000_000_000L % 60;

        Path json = out.resolve("benchmark-results.json");
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        Path markdown = out.resolve("benchmark-results.md");
        try (PrintStream md = new PrintStream(Files.newOutputStream(markdown), true, StandardCharsets.UTF_8)) {
            summarise(results, settings, minutes + " min " + seconds + " s", load, md);
        }
        System.out.println("\nResults: " + json + " and " + markdown);
        Files.readAllLines(markdown).forEach(System.out::println);
    }

    private static org.openjdk.jmh.runner.options.Options options(Settings settings, Group group) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(RouteReleaseBenchmark.class.getName()) + "\\.routeAndRelease$")
                .param("strategy", group.strategies().toArray(String[]::new))
                .param("owners", group.owners().stream().map(String::valueOf).toArray(String[]::new))
                .param("impl", "switchboard", "baseline")
                .threads(group.threads())
                .forks(1)
                .warmupIterations(settings.warmups())
                .warmupTime(settings.time())
                .measurementIterations(settings.iterations())
                .measurementTime(settings.time())
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        return options.build();
    }

    // ------------------------------------------------------------------------------------------- summary

    private record Key(String strategy, int owners, int threads) {}

    /** One cell's mean ops/s, the slowest and fastest measured iteration, and bytes per operation. */
    private record Cell(double score, double min, double max, double bytesPerOp) {}

    private static void summarise(List<RunResult> results, Settings settings, String took, List<String> load,
            PrintStream md) {
        Map<Key, Map<String, Cell>> cells = new TreeMap<>(Comparator.comparingInt((Key k) -> k.threads())
                .thenComparingInt(k -> ALL_STRATEGIES.indexOf(k.strategy()))
                .thenComparingInt(Key::owners));
        for (RunResult result : results) {
            Key key = new Key(result.getParams().getParam("strategy"),
                    Integer.parseInt(result.getParams().getParam("owners")), result.getParams().getThreads());
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
            cells.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(result.getParams().getParam("impl"),
                    new Cell(primary.getScore(), primary.getStatistics().getMin(), primary.getStatistics().getMax(),
                            allocation == null ? Double.NaN : allocation.getScore()));
        }

        md.println("Mode `" + settings.name() + "`: 1 fork, " + settings.warmups() + " warm-up and "
                + settings.iterations() + " measured iterations of " + settings.time() + " per cell; took " + took
                + ".");
        md.println();
        md.println("Machine: " + machine());
        md.println();
        md.println("Other work on the machine during each group of cells: the share of all CPU time that went to "
                + "processes other than this suite and its forks (from /proc/stat and /proc/self/stat), and the "
                + "load average (1, 5, 15 min) before → after, to which the benchmark itself adds 1 to 2:");
        md.println();
        load.forEach(line -> md.println("- " + line));
        md.println();
        md.println("Throughput is the mean of the measured iterations, with the slowest and fastest in brackets "
                + "(JMH's own ± is a 99.9% interval, very wide with three iterations; it is in the JSON).");
        md.println();
        md.println("| scenario | agents | threads | switchboard ops/s | baseline ops/s | switchboard ÷ baseline "
                + "| switchboard B/op | baseline B/op |");
        md.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        cells.forEach((key, byImpl) -> {
            Cell sb = byImpl.get("switchboard");
            Cell base = byImpl.get("baseline");
            md.println("| " + key.strategy() + " | " + count(key.owners()) + " | " + key.threads() + " | "
                    + throughput(sb) + " | " + throughput(base) + " | " + ratio(sb, base) + " | " + bytes(sb)
                    + " | " + bytes(base) + " |");
        });
        md.println();
        md.println("Two threads against one (aggregate ops/s on 2 threads ÷ ops/s on 1):");
        md.println();
        md.println("| scenario | agents | switchboard | baseline |");
        md.println("| --- | ---: | ---: | ---: |");
        cells.forEach((key, byImpl) -> {
            if (key.threads() == 2) {
                Map<String, Cell> single = cells.get(new Key(key.strategy(), key.owners(), 1));
                if (single != null) {
                    md.println("| " + key.strategy() + " | " + count(key.owners()) + " | "
                            + scaling(byImpl.get("switchboard"), single.get("switchboard")) + " | "
                            + scaling(byImpl.get("baseline"), single.get("baseline")) + " |");
                }
            }
        });
        md.println();
        md.println("Which step decided (switchboard, one thread, computed after the benchmarks: the decisions "
                + "counted after those that warm the customer memory):");
        md.println();
        cells.keySet().stream().filter(key -> key.threads() == 1).forEach(key -> md.println("- "
                + key.strategy() + ", " + count(key.owners()) + " agents: " + (key.owners() <= 10_000
                        ? mix(key.strategy(), key.owners())
                        : "not counted (a decision takes tens of milliseconds)")));
    }

    /** Which step decided the conversations of one thread, in percent, for the switchboard engine. */
    static String mix(String strategy, int owners) {
        ManualClock clock = new ManualClock(ConversationGenerator.CREATED_AT);
        RoutingEngine engine = RoutingEngine.create(RoutingEngine.Kind.SWITCHBOARD, Scenario.of(strategy),
                RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED), clock);
        // Fewer decisions on large rosters, where one takes a millisecond or more: only regulars need warming.
        int warm = owners <= 1_000 ? 4_096 : 1_024;
        int counted = owners <= 1_000 ? 2_048 : 1_024;
        ConversationCycle cycle = new ConversationCycle("t0-", RouteReleaseBenchmark.CONVERSATION_SEED, clock);
        Map<String, Integer> decidedBy = new TreeMap<>();
        for (int i = 0; i < warm + counted; i++) {
            Conversation conversation = cycle.next();
            Object decision = engine.route(conversation);
            engine.release(conversation.id());
            if (i >= warm) {
                decidedBy.merge(engine.decidedBy(decision), 1, Integer::sum);
            }
        }
        int total = decidedBy.values().stream().mapToInt(Integer::intValue).sum();
        return decidedBy.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / total) + "%")
                .collect(Collectors.joining(", ", "", " (" + count(counted) + " decisions after " + count(warm) + ")"));
    }

    /**
     * CPU time of the whole machine and of this process with its finished children (the JMH forks), in clock ticks,
     * from /proc; empty where there is no /proc.
     */
    private record CpuSample(long busy, long total, long own, boolean known) {

        static CpuSample now() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                long total = 0;
                for (int i = 1; i <= 8 && i < cpu.length; i++) {
                    long ticks = Long.parseLong(cpu[i]);
                    total += ticks;
                    if (i != 4 && i != 5 && i != 8) { // idle, iowait and steal are not work done here
                        busy += ticks;
                    }
                }
                String self = Files.readString(Path.of("/proc/self/stat"));
                String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
                long own = 0;
                for (int field = 14; field <= 17; field++) { // utime, stime, cutime, cstime
                    own += Long.parseLong(fields[field - 3]);
                }
                return new CpuSample(busy, total, own, true);
            } catch (IOException | RuntimeException e) {
                return new CpuSample(0, 0, 0, false);
            }
        }

        String otherWorkUntil(CpuSample end) {
            if (!known || !end.known || end.total == total) {
                return "other work unknown";
            }
            long other = Math.max(0, (end.busy - busy) - (end.own - own));
            return String.format(Locale.ROOT, "other processes used %.0f%% of the CPUs",
                    100.0 * other / (end.total - total));
        }
    }

    /** The first three fields of /proc/loadavg, or "n/a" where there is none. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
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

    private static String throughput(Cell cell) {
        return cell == null ? "–" : count(Math.round(cell.score())) + " (" + count(Math.round(cell.min())) + "–"
                + count(Math.round(cell.max())) + ")";
    }

    private static String bytes(Cell cell) {
        return cell == null || Double.isNaN(cell.bytesPerOp()) ? "–" : count(Math.round(cell.bytesPerOp()));
    }

    private static String ratio(Cell switchboard, Cell baseline) {
        if (switchboard == null || baseline == null) {
            return "–";
        }
        double ratio = switchboard.score() / baseline.score();
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.1f×", ratio);
    }

    private static String scaling(Cell two, Cell one) {
        return two == null || one == null ? "–" : String.format(Locale.ROOT, "%.2f×", two.score() / one.score());
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}

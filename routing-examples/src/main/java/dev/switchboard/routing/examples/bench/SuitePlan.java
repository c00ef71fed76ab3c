package dev.switchboard.routing.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Which cells a {@link BenchmarkSuite} mode runs, and how long each: groups of cells that share a benchmark, a
 * number of threads and a mode, each group the cross product of its parameters' values.
 *
 * @param name the mode's name
 * @param warmups warm-up iterations per cell
 * @param iterations measured iterations per cell
 * @param time the length of one iteration
 * @param groups the cells, group by group, in the order they run
 */
record SuitePlan(String name, int warmups, int iterations, TimeValue time, List<SuitePlan.Group> groups) {

    SuitePlan {
        groups = List.copyOf(groups);
    }

    /**
     * Cells of one benchmark.
     *
     * @param benchmark a benchmark method ({@code Class.method}), or every method of a class ({@code Class})
     * @param params values per parameter (a parameter not named keeps the benchmark's default)
     * @param threads benchmark threads
     * @param latency {@code Mode.SampleTime} in microseconds rather than throughput per second
     */
    record Group(String benchmark, Map<String, List<String>> params, int threads, boolean latency) {

        Group {
            params = Map.copyOf(params);
        }
    }

    private static final String ROUTE = IssueTargets.ROUTE_RELEASE;
    private static final List<String> ALL_STRATEGIES = java.util.Arrays.stream(Scenario.values())
            .map(Scenario::label).toList();

    /** The cells that issue 15's targets need, the floor on one and two threads among them: 25 cells of about 10 s. */
    static final SuitePlan SHORT = new SuitePlan("short", 4, 3, TimeValue.seconds(1), targetCells(false));

    /** The targets' cells, plus every scenario on both engines at 10 to 100,000 agents, on one and two threads. */
    static final SuitePlan FULL = new SuitePlan("full", 3, 5, TimeValue.seconds(2), full());

    /** The floor alone, one iteration of a second without warm-up: that the suite runs and writes its files. */
    static final SuitePlan SMOKE = new SuitePlan("smoke", 0, 1, TimeValue.seconds(1),
            List.of(throughput(IssueTargets.FLOOR_ROUTE_RELEASE, params(), 1)));

    private static List<Group> targetCells(boolean withMatrix) {
        List<Group> groups = new ArrayList<>();
        groups.add(throughput(IssueTargets.FLOOR_ROUTE_RELEASE, params(), 1));
        // the floor on two threads: how far two threads sharing one rotation scale on this machine at best
        groups.add(throughput(IssueTargets.FLOOR_ROUTE_RELEASE, params(), 2));
        if (!withMatrix) {
            groups.add(throughput(ROUTE, params("strategy", "round-robin,skill-based,chain", "owners", "1000",
                    "impl", "switchboard"), 1));
            groups.add(throughput(ROUTE, params("strategy", "skill-based,chain", "owners", "100000",
                    "impl", "switchboard"), 1));
            groups.add(throughput(ROUTE, params("strategy", "skill-based,chain", "owners", "1000",
                    "impl", "switchboard"), 2));
        }
        groups.add(throughput(ROUTE, params("strategy", "round-robin", "owners", "1000", "impl", "recorded"), 1));
        groups.add(throughput(ROUTE, params("strategy", "skill-based", "owners", "1000", "impl", "switchboard",
                "waiting", "5000"), 1));
        groups.add(throughput(ROUTE, params("strategy", "chain", "owners", "50", "impl", "switchboard",
                "churned", "0,200000"), 1));
        // peak: every agent at capacity, so that each conversation is explained and queued
        groups.add(throughput("FullRosterBenchmark", params("owners", "10000"), 1));
        groups.add(throughput("WeightedPickBenchmark", params(), 1));
        groups.add(throughput(IssueTargets.CONVERSATION_BUILD, params(), 1));
        groups.add(throughput("RedisBenchmark", params(), 1));
        // 4 threads on one router, and shared between two routers (instances) on one tenant
        groups.add(throughput(IssueTargets.REDIS_ROUTE_RELEASE, params("instances", "1,2"), 4));
        groups.add(new Group(ROUTE, params("strategy", "round-robin,chain", "owners", "1000",
                "impl", "switchboard"), 1, true));
        groups.add(new Group(ROUTE, params("strategy", "chain", "owners", "100000", "impl", "switchboard"), 1, true));
        return groups;
    }

    private static List<Group> full() {
        List<Group> groups = targetCells(true);
        for (int threads = 1; threads <= 2; threads++) {
            groups.add(throughput(ROUTE, params("strategy", String.join(",", ALL_STRATEGIES),
                    "owners", "10,1000,10000,100000", "impl", "switchboard,baseline"), threads));
        }
        return groups;
    }

    private static Group throughput(String benchmark, Map<String, List<String>> params, int threads) {
        return new Group(benchmark, params, threads, false);
    }

    /** Parameter names and their comma-separated values, in pairs. */
    private static Map<String, List<String>> params(String... namesAndValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], List.of(namesAndValues[i + 1].split(",")));
        }
        return params;
    }
}

package dev.switchboard.routing.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.options.Options;

class SuitePlanTest {

    private static final String PACKAGE = SuitePlan.class.getPackageName() + ".";

    /** The cells a plan runs, as JMH expands them: its groups' parameters, the benchmarks' defaults for the rest. */
    private static List<Cell> cellsOf(SuitePlan plan) throws ClassNotFoundException {
        List<Cell> cells = new ArrayList<>();
        for (SuitePlan.Group group : plan.groups()) {
            String className = group.benchmark().contains(".")
                    ? group.benchmark().substring(0, group.benchmark().indexOf('.'))
                    : group.benchmark();
            Class<?> type = Class.forName(PACKAGE + className);
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Field field : type.getFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null) {
                    values.put(field.getName(),
                            group.params().getOrDefault(field.getName(), List.of(param.value()[0])));
                }
            }
            for (Method method : type.getMethods()) {
                String benchmark = className + "." + method.getName();
                if (method.isAnnotationPresent(Benchmark.class)
                        && (benchmark.equals(group.benchmark()) || className.equals(group.benchmark()))) {
                    for (Map<String, String> params : product(values)) {
                        cells.add(group.latency()
                                ? Cell.latency(benchmark, params, group.threads(), 1, 2, 3, 0, 0)
                                : Cell.throughput(benchmark, params, group.threads(), 1, 1, 1, 0, 0, 0));
                    }
                }
            }
        }
        return cells;
    }

    private static List<Map<String, String>> product(Map<String, List<String>> values) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(Map.of()));
        values.forEach((name, options) -> {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String option : options) {
                    Map<String, String> more = new LinkedHashMap<>(combination);
                    more.put(name, option);
                    next.add(more);
                }
            }
            combinations.clear();
            combinations.addAll(next);
        });
        return combinations;
    }

    @Test
    void theShortMode_measuresEveryTargetOfIssue15() throws ClassNotFoundException {
        List<IssueTargets.Outcome> outcomes = IssueTargets.evaluate(cellsOf(SuitePlan.SHORT));

        assertThat(outcomes).hasSize(IssueTargets.ALL.size()).allSatisfy(outcome ->
                assertThat(outcome.measured()).as(outcome.target().measure()).isTrue());
        assertThat(IssueTargets.floorScaling(cellsOf(SuitePlan.SHORT))).as("the floor on two threads").isPresent();
    }

    @Test
    void theFullMode_measuresEveryTargetToo_andHasTheShortModesCells() throws ClassNotFoundException {
        List<Cell> full = cellsOf(SuitePlan.FULL);

        assertThat(IssueTargets.evaluate(full)).allSatisfy(outcome -> assertThat(outcome.measured()).isTrue());
        assertThat(full).containsAll(cellsOf(SuitePlan.SHORT));
    }

    @Test
    void theShortMode_staysSmall_soThatItRunsInAboutFiveMinutes() throws ClassNotFoundException {
        // about 10 s a cell (fork, set-up, 4 + 3 iterations of a second), the 100,000-agent ones longer: 23 cells
        // took 3 min 26 s to 3 min 34 s on two cores, and the full roster adds two (issue 15 asks for under about six
        // minutes)
        assertThat(cellsOf(SuitePlan.SHORT)).hasSizeLessThanOrEqualTo(25);
        assertThat(SuitePlan.SHORT.warmups() + SuitePlan.SHORT.iterations()).isEqualTo(7);
    }

    @Test
    void eachGroupsOptions_includeExactlyItsBenchmarks() {
        SuitePlan.Group pick = SuitePlan.SHORT.groups().stream()
                .filter(group -> group.benchmark().equals("WeightedPickBenchmark")).findFirst().orElseThrow();
        SuitePlan.Group floor = SuitePlan.SHORT.groups().get(0);

        Pattern picks = Pattern.compile(include(BenchmarkSuite.options(SuitePlan.SHORT, pick)));
        Pattern floors = Pattern.compile(include(BenchmarkSuite.options(SuitePlan.SHORT, floor)));

        assertThat(Arrays.asList(PACKAGE + "WeightedPickBenchmark.weightedCapacity",
                PACKAGE + "WeightedPickBenchmark.grpcStaticStride")).allMatch(name -> picks.matcher(name).find());
        assertThat(floors.matcher(PACKAGE + "FloorBenchmark.routeAndRelease").find()).isTrue();
        assertThat(floors.matcher(PACKAGE + "RouteReleaseBenchmark.routeAndRelease").find()).isFalse();
    }

    private static String include(Options options) {
        assertThat(options.getIncludes()).hasSize(1);
        return options.getIncludes().get(0);
    }
}

package dev.switchboard.routing.examples.bench;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports, for every iteration, the share of the machine's CPUs that went to other processes
 * than the benchmark's fork and the JMH host that started it ({@link MachineLoad}), as two secondary results: the
 * mean over the measured iterations ({@value #OTHER}) and the highest ({@value #OTHER_MAX}), in percent. Run it with
 * {@code -prof dev.switchboard.routing.examples.bench.MachineLoadProfiler}; {@link BenchmarkSuite} adds it to every
 * cell. Reports nothing where there is no {@code /proc}.
 */
public final class MachineLoadProfiler implements InternalProfiler {

    /** The mean share of the CPUs used by other processes. */
    public static final String OTHER = "load.other";

    /** The highest share in one iteration. */
    public static final String OTHER_MAX = "load.other.max";

    private final List<Long> pids = MachineLoad.benchmarkProcesses();
    private Optional<MachineLoad.Sample> start = Optional.empty();

    @Override
    public String getDescription() {
        return "share of the CPUs used by other processes during each iteration, from /proc";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = MachineLoad.read(pids);
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's interface declares the raw type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        Optional<MachineLoad.Sample> end = MachineLoad.read(pids);
        OptionalDouble other = start.isPresent() && end.isPresent()
                ? start.get().otherPercentUntil(end.get())
                : OptionalDouble.empty();
        if (other.isEmpty()) {
            return List.of();
        }
        return List.of(new ScalarResult(OTHER, other.getAsDouble(), "%", AggregationPolicy.AVG),
                new ScalarResult(OTHER_MAX, other.getAsDouble(), "%", AggregationPolicy.MAX));
    }
}

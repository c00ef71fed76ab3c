package dev.switchboard.routing.examples.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one benchmark cell measured: which benchmark, with which parameters, on how many threads, and its figures.
 * A throughput cell has operations per second (mean, slowest and fastest iteration); a latency cell
 * ({@code Mode.SampleTime}) has percentiles in microseconds instead. Figures a cell did not measure are NaN.
 *
 * @param benchmark the benchmark's class and method, such as {@code FloorBenchmark.routeAndRelease}
 * @param params its JMH parameters, by name
 * @param threads benchmark threads
 * @param latency whether it sampled latency rather than throughput
 * @param opsPerSecond mean operations per second over the measured iterations
 * @param slowest the slowest measured iteration, ops/s
 * @param fastest the fastest measured iteration, ops/s
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm})
 * @param p50Micros median latency, µs
 * @param p99Micros 99th percentile, µs
 * @param p999Micros 99.9th percentile, µs
 * @param otherLoad mean share of the CPUs other processes used during the measured iterations, percent
 * @param otherLoadMax the highest such share in one iteration, percent
 */
record Cell(String benchmark, Map<String, String> params, int threads, boolean latency, double opsPerSecond,
        double slowest, double fastest, double bytesPerOp, double p50Micros, double p99Micros, double p999Micros,
        double otherLoad, double otherLoadMax) {

    Cell {
        if (benchmark == null || benchmark.isBlank()) {
            throw new IllegalArgumentException("benchmark must be named, was '" + benchmark + "'");
        }
        params = Map.copyOf(params);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** A throughput cell. */
    static Cell throughput(String benchmark, Map<String, String> params, int threads, double opsPerSecond,
            double slowest, double fastest, double bytesPerOp, double otherLoad, double otherLoadMax) {
        return new Cell(benchmark, params, threads, false, opsPerSecond, slowest, fastest, bytesPerOp, Double.NaN,
                Double.NaN, Double.NaN, otherLoad, otherLoadMax);
    }

    /** A latency cell. */
    static Cell latency(String benchmark, Map<String, String> params, int threads, double p50Micros,
            double p99Micros, double p999Micros, double otherLoad, double otherLoadMax) {
        return new Cell(benchmark, params, threads, true, Double.NaN, Double.NaN, Double.NaN, Double.NaN, p50Micros,
                p99Micros, p999Micros, otherLoad, otherLoadMax);
    }

    /** Whether other processes used more than {@link MachineLoad#WARN_ABOVE_PERCENT} of the CPUs during it. */
    boolean loaded() {
        return otherLoadMax > MachineLoad.WARN_ABOVE_PERCENT || otherLoad > MachineLoad.WARN_ABOVE_PERCENT;
    }

    /** Whether this cell is {@code query}'s: same benchmark, threads and mode, and every queried parameter equal. */
    boolean matches(Query query) {
        return benchmark.equals(query.benchmark()) && threads == query.threads() && latency == query.latency()
                && query.params().entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }

    /** The benchmark, its parameters in name order and its threads, in a few words. */
    String label() {
        String named = new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return benchmark + (named.isEmpty() ? "" : " " + named) + ", " + threads
                + (threads == 1 ? " thread" : " threads") + (latency ? ", latency" : "");
    }

    /**
     * Which cell to look up.
     *
     * @param benchmark the benchmark's class and method
     * @param threads benchmark threads
     * @param latency a latency cell rather than a throughput one
     * @param params the parameters it must have (others may have any value)
     */
    record Query(String benchmark, int threads, boolean latency, Map<String, String> params) {

        Query {
            params = Map.copyOf(params);
        }

        /** This query with one more parameter, or one changed. */
        Query with(String name, String value) {
            Map<String, String> more = new TreeMap<>(params);
            more.put(name, value);
            return new Query(benchmark, threads, latency, more);
        }

        /** This query on another number of threads. */
        Query onThreads(int count) {
            return new Query(benchmark, count, latency, params);
        }

        /** This query for the latency cell of the same benchmark and parameters. */
        Query latencyOf() {
            return new Query(benchmark, threads, true, params);
        }
    }
}

package dev.switchboard.routing.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The performance targets of issue 15, each computed from the cells of one run: a ratio of two cells measured side
 * by side (the router against the floor, {@code WeightedCapacity} against gRPC's pick, a large roster against a
 * small one), or one cell's figure (bytes, nanoseconds, a latency percentile). A target whose cells the run did not
 * measure is "not measured".
 */
final class IssueTargets {

    /** Whether a target is a ceiling or a floor. */
    enum Bound {
        AT_MOST("at most"), AT_LEAST("at least");

        private final String words;

        Bound(String words) {
            this.words = words;
        }

        boolean holds(double value, double limit) {
            return this == AT_MOST ? value <= limit : value >= limit;
        }
    }

    /** What a target's figure counts, and how it is written. */
    enum Unit {
        TIMES, BYTES, NANOS, MICROS, PERCENT;

        String format(double value) {
            return switch (this) {
                case TIMES -> String.format(Locale.ROOT, value >= 10 ? "%,.0f×" : "%.2f×", value);
                case BYTES -> String.format(Locale.ROOT, "%,.0f B", value);
                case NANOS -> String.format(Locale.ROOT, "%,.0f ns", value);
                case MICROS -> String.format(Locale.ROOT, "%,.1f µs", value);
                case PERCENT -> String.format(Locale.ROOT, "%.0f%%", value);
            };
        }
    }

    /**
     * One target.
     *
     * @param measure what is measured, in words
     * @param was the figure the issue reported when it was filed
     * @param bound ceiling or floor
     * @param limit the target
     * @param unit the unit of the limit and of the measured value
     * @param value computes the measured value from a run's cells; empty when a cell it needs is missing
     */
    record Target(String measure, String was, Bound bound, double limit, Unit unit,
            Function<List<Cell>, OptionalDouble> value) {

        /** The target in words, such as "at most 5×". */
        String goal() {
            return bound.words + " " + unit.format(limit);
        }
    }

    /** A target with its value in one run. */
    record Outcome(Target target, OptionalDouble value) {

        /** Whether the run measured the target's cells. */
        boolean measured() {
            return value.isPresent();
        }

        /** Whether the measured value meets the target; false when it was not measured. */
        boolean met() {
            return value.isPresent() && target.bound().holds(value.getAsDouble(), target.limit());
        }

        /** The measured value in words, or "not measured". */
        String measuredValue() {
            return value.isPresent() ? target.unit().format(value.getAsDouble()) : "not measured";
        }

        /** "met", "not met", or "–" when not measured. */
        String verdict() {
            return !measured() ? "–" : met() ? "met" : "not met";
        }
    }

    static final String ROUTE_RELEASE = "RouteReleaseBenchmark.routeAndRelease";
    static final String FLOOR_ROUTE_RELEASE = "FloorBenchmark.routeAndRelease";
    static final String WEIGHTED_CAPACITY = "WeightedPickBenchmark.weightedCapacity";
    static final String GRPC_PICK = "WeightedPickBenchmark.grpcStaticStride";
    static final String CONVERSATION_BUILD = "ConversationBuilderBenchmark.build";
    static final String REDIS_PING = "RedisBenchmark.ping";
    static final String REDIS_ROUTE_RELEASE = "RedisBenchmark.routeAndRelease";

    static final Cell.Query FLOOR = new Cell.Query(FLOOR_ROUTE_RELEASE, 1, false, Map.of("owners", "1000"));
    static final Cell.Query FLOOR_ON_TWO_THREADS = FLOOR.onThreads(2);
    static final Cell.Query ROUND_ROBIN = routeRelease("round-robin", 1_000);
    static final Cell.Query CHAIN = routeRelease("chain", 1_000);
    static final Cell.Query SKILL_BASED = routeRelease("skill-based", 1_000);
    static final Cell.Query RECORDED_ROUND_ROBIN = ROUND_ROBIN.with("impl", "recorded");
    static final Cell.Query WAITING_SKILL_BASED = SKILL_BASED.with("waiting", "5000");
    static final Cell.Query FRESH_CHAIN = routeRelease("chain", 50);
    static final Cell.Query CHURNED_CHAIN = FRESH_CHAIN.with("churned", "200000");
    static final Cell.Query WEIGHTED = new Cell.Query(WEIGHTED_CAPACITY, 1, false, Map.of("owners", "50"));
    static final Cell.Query GRPC = new Cell.Query(GRPC_PICK, 1, false, Map.of("owners", "50"));
    static final Cell.Query BUILD = new Cell.Query(CONVERSATION_BUILD, 1, false, Map.of());
    static final Cell.Query PING = new Cell.Query(REDIS_PING, 1, false, Map.of());
    static final Cell.Query REDIS_CYCLE = new Cell.Query(REDIS_ROUTE_RELEASE, 1, false,
            Map.of("owners", "100", "instances", "1"));

    /** Issue 15's table, in its order, then issue 13's. */
    static final List<Target> ALL = List.of(
            new Target("round-robin route+release, vs the floor (floor ops/s ÷ round-robin ops/s)", "25×",
                    Bound.AT_MOST, 5, Unit.TIMES, ratio(FLOOR, ROUND_ROBIN)),
            new Target("full chain, vs the floor (floor ops/s ÷ chain ops/s)", "47×", Bound.AT_MOST, 15, Unit.TIMES,
                    ratio(FLOOR, CHAIN)),
            new Target("allocation per cycle, round-robin", "408 B", Bound.AT_MOST, 64, Unit.BYTES,
                    figure(ROUND_ROBIN, Cell::bytesPerOp)),
            new Target("allocation per cycle, chain", "about 1 KB", Bound.AT_MOST, 256, Unit.BYTES,
                    figure(CHAIN, Cell::bytesPerOp)),
            new Target("chain latency p99.9", "about 690 µs under load", Bound.AT_MOST, 20, Unit.MICROS,
                    figure(CHAIN.latencyOf(), Cell::p999Micros)),
            new Target("skill-based at 100,000 agents vs at 1,000 (ops/s at 1,000 ÷ ops/s at 100,000)", "about 49×",
                    Bound.AT_MOST, 10, Unit.TIMES, ratio(SKILL_BASED, SKILL_BASED.with("owners", "100000"))),
            new Target("WeightedCapacity decision at 50 agents vs gRPC's pick (gRPC ops/s ÷ ours)", "51×",
                    Bound.AT_MOST, 5, Unit.TIMES, ratio(GRPC, WEIGHTED)),
            new Target("2 threads vs 1, skill-based (aggregate ops/s)", "1.05×", Bound.AT_LEAST, 1.6, Unit.TIMES,
                    ratio(SKILL_BASED.onThreads(2), SKILL_BASED)),
            new Target("2 threads vs 1, chain (aggregate ops/s)", "1.17×", Bound.AT_LEAST, 1.6, Unit.TIMES,
                    ratio(CHAIN.onThreads(2), CHAIN)),
            new Target("Conversation built with its builder, time", "about 830 ns", Bound.AT_MOST, 150, Unit.NANOS,
                    figure(BUILD, cell -> 1e9 / cell.opsPerSecond())),
            new Target("Conversation built with its builder, allocation", "about 1,050 B", Bound.AT_MOST, 300,
                    Unit.BYTES, figure(BUILD, Cell::bytesPerOp)),
            new Target("skill-based route+release while 5,000 conversations wait that the freed agent cannot take, vs"
                    + " none waiting (ops/s none waiting ÷ ops/s with 5,000)", "about 2,400×", Bound.AT_MOST, 10,
                    Unit.TIMES, ratio(SKILL_BASED, WAITING_SKILL_BASED)),
            new Target("chain decisions after 200,000 agents joined and left (roster of 50), vs a fresh router"
                    + " (fresh ops/s ÷ churned ops/s)", "2.4×", Bound.AT_MOST, 1.2, Unit.TIMES,
                    ratio(FRESH_CHAIN, CHURNED_CHAIN)),
            new Target("recorder on vs off, round-robin: throughput lost (1 − on ÷ off)", "about 85%", Bound.AT_MOST,
                    25, Unit.PERCENT, cells -> {
                        OptionalDouble kept = ratio(RECORDED_ROUND_ROBIN, ROUND_ROBIN).apply(cells);
                        return kept.isPresent() ? OptionalDouble.of(100 * (1 - kept.getAsDouble()))
                                : OptionalDouble.empty();
                    }),
            new Target("recorder on, round-robin: allocation it adds per cycle (B/op on − off)", "about 11 KB",
                    Bound.AT_MOST, 1_024, Unit.BYTES, cells -> {
                        Optional<Cell> on = find(cells, RECORDED_ROUND_ROBIN);
                        Optional<Cell> off = find(cells, ROUND_ROBIN);
                        return on.isPresent() && off.isPresent()
                                ? finite(on.get().bytesPerOp() - off.get().bytesPerOp())
                                : OptionalDouble.empty();
                    }),
            new Target("Redis route+release per cycle, in PING round trips (PING ops/s ÷ route+release ops/s, round-"
                    + "robin, 100 agents, 1 thread; issue 13)", "new", Bound.AT_MOST, 2.5, Unit.TIMES,
                    ratio(PING, REDIS_CYCLE)));

    private IssueTargets() {}

    /**
     * The floor's own scaling, 2 threads against 1 (aggregate ops/s): the most two threads that share one rotation
     * cursor and one placement map can gain on this machine, beside the 2-thread targets. Empty when either cell is
     * missing.
     */
    static OptionalDouble floorScaling(List<Cell> cells) {
        return ratio(FLOOR_ON_TWO_THREADS, FLOOR).apply(cells);
    }

    /** Every target with its value in a run of these cells. */
    static List<Outcome> evaluate(List<Cell> cells) {
        return ALL.stream().map(target -> new Outcome(target, target.value().apply(cells))).toList();
    }

    /** The first cell that answers a query. */
    static Optional<Cell> find(List<Cell> cells, Cell.Query query) {
        return cells.stream().filter(cell -> cell.matches(query)).findFirst();
    }

    /** The switchboard router's cell for a scenario and roster size, on one thread, unprepared. */
    static Cell.Query routeRelease(String strategy, int owners) {
        return new Cell.Query(ROUTE_RELEASE, 1, false, Map.of("strategy", strategy, "owners",
                Integer.toString(owners), "impl", "switchboard", "waiting", "0", "churned", "0"));
    }

    /** The first cell's ops/s over the second's. */
    private static Function<List<Cell>, OptionalDouble> ratio(Cell.Query numerator, Cell.Query denominator) {
        return cells -> {
            Optional<Cell> top = find(cells, numerator);
            Optional<Cell> bottom = find(cells, denominator);
            return top.isPresent() && bottom.isPresent()
                    ? finite(top.get().opsPerSecond() / bottom.get().opsPerSecond())
                    : OptionalDouble.empty();
        };
    }

    /** One figure of one cell. */
    private static Function<List<Cell>, OptionalDouble> figure(Cell.Query query, ToDoubleFunction<Cell> figure) {
        return cells -> find(cells, query).map(cell -> finite(figure.applyAsDouble(cell)))
                .orElse(OptionalDouble.empty());
    }

    private static OptionalDouble finite(double value) {
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}

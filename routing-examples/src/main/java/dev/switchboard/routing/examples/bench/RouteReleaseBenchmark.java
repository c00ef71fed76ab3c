package dev.switchboard.routing.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route+release cycles per second: each operation routes one conversation and releases it, on the
 * {@code switchboard} router, the same router {@code recorded} to a routing log, or the naive {@code baseline}, for a
 * scenario (a strategy or the full chain) and a roster size. The engine is shared by all benchmark threads (run with
 * {@code -t 2} for two); each thread cycles through conversations of its own. Add {@code -prof gc} for the bytes
 * allocated per operation, {@code -bm sample} for latency percentiles.
 *
 * <p>Two parameters prepare the engine before measuring (see {@link EngineSetup}): {@code waiting} conversations
 * that no agent can take are routed first and wait throughout, so that every release offers them to the freed agent
 * (a scenario that checks skills: {@code skill-based}); {@code churned} agents join and leave the roster first
 * ({@code switchboard} and {@code recorded} only).
 *
 * <p>Without {@code -p} options JMH runs every combination, which takes long; {@link BenchmarkSuite} runs a chosen
 * set of them, with {@link FloorBenchmark} as the reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class RouteReleaseBenchmark {

    /** The roster's seed: every run, and every engine, route on the same agents. */
    public static final long ROSTER_SEED = 20_260_302L;

    /** The conversations' seed, plus the thread's index. */
    public static final long CONVERSATION_SEED = 1_000L;

    /** A {@link Scenario} label. */
    @Param({"round-robin", "skill-based", "weighted-capacity", "least-loaded", "sticky", "chain"})
    public String strategy;

    /** Agents on the roster. */
    @Param({"10", "1000", "10000", "100000"})
    public int owners;

    /** {@code switchboard}, {@code recorded} or {@code baseline} (see {@link RoutingEngine.Kind}). */
    @Param({"switchboard", "recorded", "baseline"})
    public String impl;

    /** Conversations no agent can take, waiting while measuring. */
    @Param({"0"})
    public int waiting;

    /** Agents that joined and left the roster before measuring. */
    @Param({"0"})
    public int churned;

    private RoutingEngine engine;

    /** Builds the cell's engine on the trial's clock and prepares it (see {@link EngineSetup}). */
    @Setup(Level.Trial)
    public void buildEngine(BenchmarkClock time) {
        engine = EngineSetup.engine(RoutingEngine.Kind.of(impl), Scenario.of(strategy), owners, time.clock, waiting,
                churned);
    }

    /** The engine under test, once built. */
    RoutingEngine engine() {
        return engine;
    }

    /** One route+release cycle; the decision is returned so that JMH consumes it. */
    @Benchmark
    public Object routeAndRelease(ThreadConversations thread) {
        return engine.routeAndRelease(thread.next());
    }
}

package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Router;
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
 * Route+release cycles per second at peak, when every agent is at capacity: each conversation is decided, found to
 * have nobody to take it, explained (nobody matches, nobody available, or everyone at capacity) and queued, then
 * released from the queue. The benchmark roster, on the {@code switchboard} engine, with every agent's capacity
 * set to zero after the background load is placed; what a full roster costs against an idle one
 * ({@link RouteReleaseBenchmark} at the same size).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class FullRosterBenchmark {

    /** A {@link Scenario} label. */
    @Param({"round-robin", "skill-based"})
    public String strategy;

    /** Agents on the roster. */
    @Param({"1000", "10000"})
    public int owners;

    private RoutingEngine engine;

    /** Builds the cell's engine on the trial's clock, then takes every agent's room away. */
    @Setup(Level.Trial)
    public void buildEngine(BenchmarkClock time) {
        engine = EngineSetup.engine(RoutingEngine.Kind.SWITCHBOARD, Scenario.of(strategy), owners, time.clock, 0, 0);
        Router router = ((SwitchboardEngine) engine).router();
        for (OwnerStatus status : router.roster()) {
            router.setCapacity(status.owner().id(), 0);
        }
    }

    /** One route+release cycle into the full roster; the decision is returned so that JMH consumes it. */
    @Benchmark
    public Object routeAndRelease(ThreadConversations thread) {
        return engine.routeAndRelease(thread.next());
    }
}

package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * One weighted pick among the benchmark roster's agents (all online with room, weights 50 to 200), two ways:
 * {@link WeightedCapacity#decide} on a {@link FixedView} of the agents, its sequence moved after each decision, and
 * gRPC-java's {@code StaticStrideScheduler.pick()} over the same weights ({@link GrpcStrideScheduler}). The first
 * is our decision alone, verdict and reason included, without the router; the second is the reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class WeightedPickBenchmark {

    /** Agents to pick from. */
    @Param({"50"})
    public int owners;

    private final WeightedCapacity strategy = new WeightedCapacity();
    private final Conversation conversation = Conversation.builder("weighted-1").customer("customer-1")
            .channel("chat").createdAt(ConversationGenerator.CREATED_AT).build();
    private FixedView view;
    private GrpcStrideScheduler grpc;

    /** Builds the view of the agents for our decision, and gRPC's scheduler over their weights. */
    @Setup(Level.Trial)
    public void buildAgents() {
        List<RosterGenerator.Member> roster = RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED);
        List<Candidate> candidates = new ArrayList<>(owners);
        float[] weights = new float[owners];
        for (int i = 0; i < owners; i++) {
            RosterGenerator.Member member = roster.get(i);
            candidates.add(new Candidate(member.owner(), i, Presence.ONLINE, 0, member.owner().capacity().total(),
                    Instant.MIN));
            weights[i] = member.owner().weight();
        }
        view = new FixedView(ConversationGenerator.CREATED_AT, candidates);
        grpc = new GrpcStrideScheduler(weights);
    }

    /** Our weighted decision. */
    @Benchmark
    public Verdict weightedCapacity() {
        Verdict verdict = strategy.decide(conversation, view);
        view.advance();
        return verdict;
    }

    /** gRPC's weighted pick. */
    @Benchmark
    public int grpcStaticStride() {
        return grpc.pick();
    }
}

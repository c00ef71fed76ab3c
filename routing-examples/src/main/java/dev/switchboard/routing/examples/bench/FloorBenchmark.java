package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Presence;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
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
 * The floor: the least work any correct, thread-safe route+release must do, measured in the same run as the
 * router's cells so that each of theirs reads as a multiple of it. Per operation: the thread's next conversation
 * (as in {@link RouteReleaseBenchmark}), a cursor increment that picks the next agent, a capacity-checked
 * compare-and-set on its load (to the next agent while one is full), a {@link ConcurrentHashMap} put of the
 * conversation id, then its remove and the load's decrement.
 *
 * <p>The agents are the benchmark roster's, with their capacities and background loads; those not online have no
 * room, so the floor picks the agents round-robin would. It keeps no customer memory, trace, queue or event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class FloorBenchmark {

    /** Agents on the roster. */
    @Param({"1000"})
    public int owners;

    private int[] capacity;
    private AtomicIntegerArray load;
    /** Owner indexes boxed once, so that a put allocates only the map's node. */
    private Integer[] boxed;
    private final AtomicLong cursor = new AtomicLong();
    private final ConcurrentHashMap<String, Integer> placements = new ConcurrentHashMap<>();

    /** Takes the benchmark roster's capacities and background loads. */
    @Setup(Level.Trial)
    public void buildRoster() {
        List<RosterGenerator.Member> roster = RosterGenerator.generate(owners, RouteReleaseBenchmark.ROSTER_SEED);
        capacity = new int[owners];
        load = new AtomicIntegerArray(owners);
        boxed = new Integer[owners];
        for (int i = 0; i < owners; i++) {
            RosterGenerator.Member member = roster.get(i);
            capacity[i] = member.presence() == Presence.ONLINE ? member.owner().capacity().total() : 0;
            load.set(i, member.backgroundLoad());
            boxed[i] = i;
        }
    }

    /** One route+release cycle at the floor; the owner's index is returned so that JMH consumes it. */
    @Benchmark
    public int routeAndRelease(ThreadConversations thread) {
        String id = thread.next().id();
        placements.put(id, take());
        int owner = placements.remove(id);
        load.decrementAndGet(owner);
        return owner;
    }

    /** The next agent in rotation with room, its load raised by one. */
    private Integer take() {
        for (int tries = 0; tries < owners; tries++) {
            int owner = (int) Math.floorMod(cursor.getAndIncrement(), (long) owners);
            int current = load.get(owner);
            if (current < capacity[owner] && load.compareAndSet(owner, current, current + 1)) {
                return boxed[owner];
            }
        }
        throw new IllegalStateException("no agent of " + owners + " has room");
    }
}

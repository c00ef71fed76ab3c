package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.ManualClock;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The time of one benchmark trial, shared by its threads: it starts at {@link ConversationGenerator#CREATED_AT} and
 * each thread's {@link ConversationCycle} moves it on.
 */
@State(Scope.Benchmark)
public class BenchmarkClock {

    /** The engine's clock. */
    public final ManualClock clock = new ManualClock(ConversationGenerator.CREATED_AT);
}

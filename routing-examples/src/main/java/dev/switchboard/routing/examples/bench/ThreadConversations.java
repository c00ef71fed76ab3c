package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One benchmark thread's conversations, with ids of its own, built before measuring: the same for the router's cells
 * and the floor's, so that both pay the same for handing out a conversation.
 */
@State(Scope.Thread)
public class ThreadConversations {

    private ConversationCycle cycle;

    /** Builds this thread's cycle of conversations on the trial's clock. */
    @Setup(Level.Trial)
    public void build(BenchmarkClock time, ThreadParams thread) {
        int index = thread.getThreadIndex();
        cycle = new ConversationCycle("t" + index + "-", RouteReleaseBenchmark.CONVERSATION_SEED + index, time.clock);
    }

    /** The next conversation to route and release. */
    public Conversation next() {
        return cycle.next();
    }
}

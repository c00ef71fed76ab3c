package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import java.time.Duration;

/**
 * One benchmark thread's conversations, handed out in turn and round again, with the benchmark's time: every
 * {@link #TICK_EVERY} conversations the shared clock moves on by {@link #TICK}, so that one-off customers are
 * forgotten before they come back and regulars are not (see {@link ConversationGenerator}). Moving the clock costs
 * one {@link java.time.Instant} per {@value #TICK_EVERY} operations. Not thread-safe: one per thread.
 */
public final class ConversationCycle {

    /** Conversations between two moves of the clock. A power of two. */
    public static final int TICK_EVERY = 1_024;

    /** How far the clock moves each time. */
    public static final Duration TICK = Duration.ofSeconds(1);

    private final Conversation[] conversations;
    private final ManualClock clock;
    private int next;

    /**
     * @param prefix this thread's id prefix, so that its conversation ids are its own
     * @param seed this thread's seed
     * @param clock the engine's clock, shared by the threads
     */
    public ConversationCycle(String prefix, long seed, ManualClock clock) {
        this.conversations = ConversationGenerator.cycle(prefix, seed);
        this.clock = clock;
    }

    /** The next conversation to route and release. */
    public Conversation next() {
        Conversation conversation = conversations[next];
        next = (next + 1) & (ConversationGenerator.CYCLE - 1);
        if ((next & (TICK_EVERY - 1)) == 0) {
            clock.advance(TICK);
        }
        return conversation;
    }
}

package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import java.util.List;

/** What a benchmark drives: the router under test, or the naive baseline. Thread-safe. */
public interface RoutingEngine {

    /** Places a conversation that is not open: assigned, or waiting. Returns the engine's decision. */
    Object route(Conversation conversation);

    /** Closes an open conversation, freeing its owner's capacity or its place in a queue. */
    void release(String conversationId);

    /** One benchmark cycle: routes a conversation, releases it, and returns the decision for JMH to consume. */
    default Object routeAndRelease(Conversation conversation) {
        Object decision = route(conversation);
        release(conversation.id());
        return decision;
    }

    /** The owner a decision assigned the conversation to, or null if it was not assigned. */
    String assignedOwner(Object decision);

    /** Which step decided: a strategy's name, or the queue the conversation waits in. */
    String decidedBy(Object decision);

    /**
     * Names the engines, as in the benchmark's {@code impl} parameter: {@code recorded} is the switchboard router
     * with a {@code JsonLinesRecorder} serialising every call and event to a writer that discards them, so that
     * its cost next to {@code switchboard} is the cost of leaving the routing log on.
     */
    enum Kind {
        SWITCHBOARD, RECORDED, BASELINE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind of(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * An engine of the given kind on a roster, with the roster's background load in place, ready to measure.
     * Both kinds start from the same state: the same agents, presence and loads, and the same customer memory.
     *
     * @param clock the engine's time, which the benchmark moves (start it at
     *     {@link ConversationGenerator#CREATED_AT})
     */
    static RoutingEngine create(Kind kind, Scenario scenario, List<RosterGenerator.Member> roster, ManualClock clock) {
        return switch (kind) {
            case SWITCHBOARD -> new SwitchboardEngine(scenario, roster, clock, false);
            case RECORDED -> new SwitchboardEngine(scenario, roster, clock, true);
            case BASELINE -> new NaiveRouter(scenario, roster, clock);
        };
    }
}

package dev.switchboard.routing.replay;

import dev.switchboard.routing.event.RoutingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a replay's outcomes differ from the recorded outcome lines. The events each recorded call caused are compared
 * with those the same call caused in the replay, in order; each position where they differ (or where one side has an
 * event the other has not) counts once. Under the router the log was recorded from, there is none.
 *
 * @param count how many outcome events differ
 * @param first the first {@value #FIRST} of them, in log order
 */
public record Divergence(int count, List<Difference> first) {

    /** How many differences {@link #first} keeps. */
    public static final int FIRST = 10;

    public Divergence {
        first = List.copyOf(first);
        if (count < first.size()) {
            throw new IllegalArgumentException("count must be at least " + first.size() + ", was " + count);
        }
    }

    /** Whether the replay published exactly the recorded events. */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * One outcome that differs.
     *
     * @param line the recorded outcome's line, or the line of the call that caused it when the log has none there
     * @param recorded the recorded event, if the log has one at this position
     * @param replayed the replayed event, if the replay published one at this position
     */
    public record Difference(int line, Optional<RoutingEvent> recorded, Optional<RoutingEvent> replayed) {}

    /** Compares, call by call, what a replay published with what its log recorded. */
    static final class Finder {
        private final RoutingLog log;
        private final List<Difference> first = new ArrayList<>();
        private int count;

        Finder(RoutingLog log) {
            this.log = log;
        }

        /** Compares what the call at {@code index} of the log caused with {@code replayed}, its replay's events. */
        void compare(int index, List<RoutingEvent> replayed) {
            List<RoutingEvent> events = log.events();
            List<Integer> lines = new ArrayList<>();
            List<RoutingEvent> recorded = new ArrayList<>();
            for (int i = index + 1; i < events.size() && !(events.get(i) instanceof RoutingEvent.Input); i++) {
                recorded.add(events.get(i));
                lines.add(log.line(i));
            }
            List<RoutingEvent> outcomes = replayed.stream().filter(event -> !(event instanceof RoutingEvent.Input))
                    .toList();
            for (int i = 0; i < Math.max(recorded.size(), outcomes.size()); i++) {
                Optional<RoutingEvent> was = i < recorded.size() ? Optional.of(recorded.get(i)) : Optional.empty();
                Optional<RoutingEvent> now = i < outcomes.size() ? Optional.of(outcomes.get(i)) : Optional.empty();
                if (!was.equals(now)) {
                    count++;
                    if (first.size() < FIRST) {
                        first.add(new Difference(i < lines.size() ? lines.get(i) : log.line(index), was, now));
                    }
                }
            }
        }

        Divergence result() {
            return new Divergence(count, first);
        }
    }
}

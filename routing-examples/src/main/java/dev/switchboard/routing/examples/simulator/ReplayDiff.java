package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What replaying a routing log under another configuration changed: each conversation whose first placement or
 * final owner differs, with why on both sides, and the simulator's summary metrics for the recorded day and the
 * replayed one, measured from their events by {@link MetricsCollector} and shown by {@link ConsoleReport} and
 * {@link HtmlReport}.
 *
 * @param report the recorded day and the replayed one, as two chains of a simulation report
 * @param changes the conversations whose outcome changed, in the order they were routed
 */
record ReplayDiff(SimulationReport report, List<Change> changes) {

    ReplayDiff {
        changes = List.copyOf(changes);
    }

    /**
     * A conversation whose outcome changed.
     *
     * @param conversationId the conversation
     * @param before its outcome as recorded, such as {@code assigned ana, released by ana}
     * @param after its outcome in the replay
     * @param whyBefore the trace of its first placement as recorded
     * @param whyAfter the same in the replay
     */
    record Change(String conversationId, String before, String after, String whyBefore, String whyAfter) {}

    /** Measures both days and compares their conversations; {@code day} gives the roster, start and end. */
    static ReplayDiff of(Day day, Chain recorded, List<RoutingEvent> recordedEvents, Chain replayed,
            List<RoutingEvent> replayedEvents) {
        Map<String, Outcome> before = outcomes(recordedEvents);
        Map<String, Outcome> after = outcomes(replayedEvents);
        List<Change> changes = new ArrayList<>();
        before.forEach((id, was) -> {
            Outcome now = after.getOrDefault(id, new Outcome());
            if (!was.summary().equals(now.summary())) {
                changes.add(new Change(id, was.summary(), now.summary(), was.why, now.why));
            }
        });
        List<ChainReport> chains = List.of(measure(day, recorded, recordedEvents), measure(day, replayed, replayedEvents));
        return new ReplayDiff(new SimulationReport(day, OptionalLong.empty(), chains), changes);
    }

    private static ChainReport measure(Day day, Chain chain, List<RoutingEvent> events) {
        MetricsCollector metrics = new MetricsCollector(day, chain);
        events.forEach(metrics::onEvent);
        return metrics.finish(day.end());
    }

    /** A conversation's first placement, why, and who released it. */
    private static final class Outcome {
        static final String NOT_ROUTED = "not routed";
        String first = NOT_ROUTED;
        String why = "";
        String releasedBy = "";

        String summary() {
            return releasedBy.isEmpty() ? first : first + ", released by " + releasedBy;
        }
    }

    private static Map<String, Outcome> outcomes(List<RoutingEvent> events) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (RoutingEvent event : events) {
            if (event instanceof RoutingEvent.Input input
                    && input.input() instanceof RouterInput.Route route) {
                outcomes.putIfAbsent(route.conversation().id(), new Outcome());
            } else if (event instanceof RoutingEvent.Assigned assigned) {
                place(outcomes, assigned.conversation().id(), "assigned " + assigned.ownerId(),
                        assigned.trace().explain());
            } else if (event instanceof RoutingEvent.Queued queued) {
                place(outcomes, queued.conversation().id(), "queued in " + queued.queue(), queued.trace().explain());
            } else if (event instanceof RoutingEvent.Rejected rejected) {
                place(outcomes, rejected.conversation().id(), "rejected", rejected.trace().explain());
            } else if (event instanceof RoutingEvent.Joined joined) {
                place(outcomes, joined.conversation().id(), "joined " + joined.joinedConversationId(), "");
            } else if (event instanceof RoutingEvent.Released released) {
                Outcome outcome = outcomes.get(released.conversation().id());
                if (outcome != null) {
                    outcome.releasedBy = released.from();
                }
            }
        }
        return outcomes;
    }

    private static void place(Map<String, Outcome> outcomes, String id, String first, String why) {
        Outcome outcome = outcomes.get(id);
        if (outcome != null && outcome.first.equals(Outcome.NOT_ROUTED)) {
            outcome.first = first;
            outcome.why = why;
        }
    }

    /** The metrics side by side, then each changed conversation with both explanations. */
    String render() {
        StringBuilder text = new StringBuilder(ConsoleReport.render(report));
        text.append('\n').append(changes.size()).append(changes.size() == 1 ? " conversation" : " conversations")
                .append(" changed owner or outcome\n");
        for (Change change : changes) {
            text.append('\n').append(change.conversationId()).append(": ").append(change.before()).append("  ->  ")
                    .append(change.after()).append('\n');
            text.append("  recorded:\n").append(change.whyBefore().indent(4));
            text.append("  replayed:\n").append(change.whyAfter().indent(4));
        }
        return text.toString();
    }
}

package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.replay.Replay;
import dev.switchboard.routing.replay.ReplayDiff;
import dev.switchboard.routing.replay.RoutingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link ReplayCommand} shows: the library's {@link ReplayDiff} of the two sides, and the simulator's report of
 * them, measured from their events by {@link MetricsCollector} as for a simulated day (so that a replay of the
 * simulator's log under its own rules shows the figures the simulator printed).
 *
 * @param diff the conversations that changed, ranked, and the refusals of each side
 * @param simulation the two sides as two chains of a simulation report
 */
record ReplayReport(ReplayDiff diff, SimulationReport simulation) {

    /** Measures both sides of a replay of {@code log}. */
    static ReplayReport of(RoutingLog log, String beforeName, String beforeDescription, RoutingConfig beforeConfig,
            Replay before, String afterDescription, RoutingConfig afterConfig, Replay after) {
        Day day = day(log, afterConfig);
        ChainReport measuredBefore = measure(day, new Chain(beforeName, beforeDescription,
                new Chain.Document(beforeConfig)), before.events());
        ChainReport measuredAfter = measure(day, new Chain("replayed", afterDescription,
                new Chain.Document(afterConfig)), after.events());
        return new ReplayReport(ReplayDiff.of(before, after),
                new SimulationReport(day, OptionalLong.empty(), List.of(measuredBefore, measuredAfter)));
    }

    private static ChainReport measure(Day day, Chain chain, List<RoutingEvent> events) {
        MetricsCollector metrics = new MetricsCollector(day, chain);
        events.forEach(metrics::onEvent);
        return metrics.finish(day.end());
    }

    /**
     * The recorded day as the simulator's reports see it: the configuration's roster, the log's first and last
     * instants, its conversations as arrivals and its presence changes.
     */
    private static Day day(RoutingLog log, RoutingConfig config) {
        List<RoutingEvent> events = log.events();
        List<Day.Arrival> arrivals = new ArrayList<>();
        List<Day.PresenceChange> presenceChanges = new ArrayList<>();
        for (Map.Entry<String, Presence> entry : log.roster().entrySet()) {
            presenceChanges.add(new Day.PresenceChange(events.get(0).at(), entry.getKey(), entry.getValue()));
        }
        for (RoutingEvent event : events) {
            if (event instanceof RoutingEvent.Input input && input.input() instanceof RouterInput.Route route) {
                arrivals.add(new Day.Arrival(route.conversation(), Duration.ZERO, false));
            } else if (event instanceof RoutingEvent.Input input
                    && input.input() instanceof RouterInput.SetPresence presence) {
                presenceChanges.add(new Day.PresenceChange(input.at(), presence.ownerId(), presence.presence()));
            }
        }
        Instant start = events.get(0).at();
        Duration firstSla = config.plan().queues().get(0).sla();
        List<Owner> owners = config.owners();
        return new Day("replay of " + Path.of(log.source()).getFileName(), start,
                events.get(events.size() - 1).at(), firstSla, owners, presenceChanges, arrivals, 0, Duration.ZERO);
    }

    /** The summary, the metrics side by side, then the first {@code limit} changes with both explanations. */
    String render(int limit) {
        StringBuilder text = new StringBuilder();
        List<ReplayDiff.Change> changes = diff.changes();
        int conversations = simulation.day().arrivals().size();
        String before = simulation.chains().get(0).chain().name();
        text.append(String.format(Locale.ROOT, "Replay: %d of %d conversations changed owner or outcome;"
                + " calls refused: %d on the %s side, %d on the replayed side%n%n", changes.size(), conversations,
                diff.recordedRefusals().size(), before, diff.replayedRefusals().size()));
        text.append(ConsoleReport.render(simulation));
        refusals(text, before, diff.recordedRefusals());
        refusals(text, "replayed", diff.replayedRefusals());
        if (!changes.isEmpty()) {
            int shown = Math.min(limit, changes.size());
            text.append('\n').append(changes.size()).append(changes.size() == 1 ? " conversation" : " conversations")
                    .append(" changed owner or outcome; the ").append(shown).append(" of highest impact")
                    .append(" (priority and VIP weighted change of the wait for an owner):\n");
            for (ReplayDiff.Change change : changes.subList(0, shown)) {
                text.append('\n').append(change.conversationId()).append(": ").append(change.before())
                        .append("  ->  ").append(change.after()).append(String.format(Locale.ROOT,
                                "  (impact %d, wait for an owner %s -> %s)%n", change.impact(),
                                Format.duration(change.waitBefore().toSeconds()),
                                Format.duration(change.waitAfter().toSeconds())));
                text.append("  ").append(before).append(":\n").append(explain(change.traceBefore()).indent(4));
                text.append("  replayed:\n").append(explain(change.traceAfter()).indent(4));
            }
            if (shown < changes.size()) {
                text.append("\n... and ").append(changes.size() - shown).append(" more (--limit, --diff-out)\n");
            }
        }
        return text.toString();
    }

    private static String explain(Optional<Trace> trace) {
        return trace.map(Trace::explain).orElse("(no decision: joined another conversation, or never routed)");
    }

    private static void refusals(StringBuilder text, String side, List<Replay.Refusal> refusals) {
        if (!refusals.isEmpty()) {
            text.append('\n').append(refusals.size()).append(" calls refused on the ").append(side)
                    .append(" side, the first: ").append(refusals.get(0)).append('\n');
        }
    }
}

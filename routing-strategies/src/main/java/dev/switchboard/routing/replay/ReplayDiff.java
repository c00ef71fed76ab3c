package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a replay under a proposed configuration changed from the recorded day: the summary figures of both sides,
 * every conversation whose first placement or final owner changed, ranked by {@linkplain Change#impact() impact},
 * and the calls each side refused. The recorded side is the log as its router rebuilt from the header replays it
 * ({@link Replay#recorded}), or a baseline replay.
 *
 * <pre>{@code
 * RoutingLog log = RoutingLog.read(Path.of("day.jsonl"));
 * ReplayDiff diff = ReplayDiff.of(Replay.recorded(log), Replay.under(log, proposed));
 * diff.changes().get(0);   // the conversation the proposal affects most
 * }</pre>
 *
 * @param recorded the figures of the recorded side
 * @param replayed the figures of the replay
 * @param changes the conversations whose first placement or final owner changed, the highest impact first (in the
 *     order they were routed among equals)
 * @param recordedRefusals the calls the recorded side refused
 * @param replayedRefusals the calls the replay refused
 */
public record ReplayDiff(ReplayMetrics recorded, ReplayMetrics replayed, List<Change> changes,
        List<Replay.Refusal> recordedRefusals, List<Replay.Refusal> replayedRefusals) {

    public ReplayDiff {
        changes = List.copyOf(changes);
        recordedRefusals = List.copyOf(recordedRefusals);
        replayedRefusals = List.copyOf(replayedRefusals);
    }

    /**
     * A conversation whose outcome changed.
     *
     * <p>Its impact is {@code weight × (|Δwait| in whole minutes + 1)}, where the wait is from arrival to first owner
     * (for a conversation that never had one: until it left, released, rejected or joined to another, or else until
     * the log's last instant), and the weight doubles with each priority
     * level (low 1, normal 2, high 4, urgent 8) and again for a VIP. So a VIP who now waits ten minutes longer (or
     * shorter) comes before any reshuffle between equals, whose wait is unchanged: their impact is just the weight.
     *
     * @param conversationId the conversation
     * @param priority its priority
     * @param vip whether its customer is a VIP
     * @param before its outcome on the recorded side, such as {@code assigned ana, released by ana}
     * @param after its outcome in the replay
     * @param waitBefore how long it waited without an owner on the recorded side
     * @param waitAfter the same in the replay
     * @param impact the ranking score
     * @param traceBefore why it was first placed where it was, on the recorded side
     * @param traceAfter the same in the replay
     */
    public record Change(String conversationId, Priority priority, boolean vip, String before, String after,
            Duration waitBefore, Duration waitAfter, long impact, Optional<Trace> traceBefore,
            Optional<Trace> traceAfter) {

        /** How much longer it waits for an owner in the replay (negative: shorter). */
        public Duration waitChange() {
            return waitAfter.minus(waitBefore);
        }
    }

    /** Compares two replays of the same log: the recorded (or baseline) side, and the proposed one. */
    public static ReplayDiff of(Replay recorded, Replay replayed) {
        Map<String, ConversationOutcome> before = ConversationOutcome.of(recorded.events());
        Map<String, ConversationOutcome> after = ConversationOutcome.of(replayed.events());
        Instant end = last(recorded.events()).isAfter(last(replayed.events())) ? last(recorded.events())
                : last(replayed.events());
        List<Change> changes = new ArrayList<>();
        before.forEach((id, was) -> {
            ConversationOutcome now = after.get(id);
            String summary = now == null ? "not routed" : now.summary();
            if (!was.summary().equals(summary)) {
                Duration waitBefore = was.waitUntilOwner(end);
                Duration waitAfter = now == null ? waitBefore : now.waitUntilOwner(end);
                long weight = (1L << was.conversation().priority().ordinal()) * (was.conversation().vip() ? 2 : 1);
                long impact = weight * (Math.abs(waitAfter.minus(waitBefore).toMinutes()) + 1);
                changes.add(new Change(id, was.conversation().priority(), was.conversation().vip(), was.summary(),
                        summary, waitBefore, waitAfter, impact, was.firstTrace(),
                        now == null ? Optional.empty() : now.firstTrace()));
            }
        });
        changes.sort(Comparator.comparingLong(Change::impact).reversed());
        return new ReplayDiff(ReplayMetrics.of(before.values(), recorded.events()),
                ReplayMetrics.of(after.values(), replayed.events()), changes, recorded.refusals(),
                replayed.refusals());
    }

    private static Instant last(List<RoutingEvent> events) {
        return events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).at();
    }

    /**
     * Writes the whole diff as JSON Lines: a {@code summary} line (both sides' figures and the count of changes),
     * then one {@code change} line per change in rank order with both traces, then one {@code refusal} line per
     * refused call, with its {@code side} ({@code recorded} or {@code replayed}).
     */
    public void writeJsonLines(Writer out) throws IOException {
        ObjectNode summary = LogJson.MAPPER.createObjectNode().put("type", "summary").put("changed", changes.size());
        summary.set("recorded", metrics(recorded));
        summary.set("replayed", metrics(replayed));
        writeLine(out, summary);
        for (Change change : changes) {
            ObjectNode line = LogJson.MAPPER.createObjectNode().put("type", "change")
                    .put("conversation", change.conversationId())
                    .put("priority", change.priority().name().toLowerCase(Locale.ROOT))
                    .put("vip", change.vip()).put("impact", change.impact()).put("before", change.before())
                    .put("after", change.after()).put("waitBefore", change.waitBefore().toString())
                    .put("waitAfter", change.waitAfter().toString());
            change.traceBefore().ifPresent(trace -> line.set("traceBefore", trace(trace)));
            change.traceAfter().ifPresent(trace -> line.set("traceAfter", trace(trace)));
            writeLine(out, line);
        }
        writeRefusals(out, "recorded", recordedRefusals);
        writeRefusals(out, "replayed", replayedRefusals);
    }

    private static JsonNode trace(Trace trace) {
        return LineEncoder.tree((encoder, out) -> encoder.trace(out, trace));
    }

    private static ObjectNode metrics(ReplayMetrics metrics) {
        return LogJson.MAPPER.createObjectNode().put("conversations", metrics.conversations())
                .put("assigned", metrics.assigned()).put("waited", metrics.waited())
                .put("rejected", metrics.rejected()).put("slaBreaches", metrics.slaBreaches())
                .put("transfers", metrics.transfers()).put("reroutes", metrics.reroutes())
                .put("waitingAtEnd", metrics.waitingAtEnd())
                .put("meanTimeToOwner", metrics.meanTimeToOwner().toString())
                .put("p95TimeToOwner", metrics.p95TimeToOwner().toString());
    }

    private static void writeRefusals(Writer out, String side, List<Replay.Refusal> refusals) throws IOException {
        for (Replay.Refusal refusal : refusals) {
            writeLine(out, LogJson.MAPPER.createObjectNode().put("type", "refusal").put("side", side)
                    .put("line", refusal.line()).put("at", refusal.at().toString())
                    .put("call", refusal.call().toString()).put("reason", refusal.reason()));
        }
    }

    private static void writeLine(Writer out, ObjectNode line) throws IOException {
        out.write(LogJson.MAPPER.writeValueAsString(line));
        out.write('\n');
    }
}

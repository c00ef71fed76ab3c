package dev.switchboard.routing.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link RoutingMetrics} measured, as of one instant.
 *
 * @param at the instant: running totals (utilisation, waits still under way) are counted up to it
 * @param conversations conversations routed (assigned, queued or rejected at least once)
 * @param timeToAssign from a conversation's creation to its first assignment, for every conversation assigned
 * @param conversationWait for every conversation that waited, its total time in queues; for those still open, so
 *     far
 * @param queues each queue a conversation entered, by name in name order
 * @param decisions decisions by rule, strategy, queue and outcome, in that order
 * @param reroutes conversations taken from their owner and routed again, by reason in {@link RerouteReason} order
 * @param transfers transfers between owners
 * @param owners each owner's figures, in roster order (owners met later last)
 * @param teams each team's figures, in name order
 * @param offers what became of offers
 */
public record MetricsSnapshot(
        Instant at,
        long conversations,
        DurationSummary timeToAssign,
        DurationSummary conversationWait,
        Map<String, QueueFigures> queues,
        Map<DecisionKey, Long> decisions,
        Map<RerouteReason, Long> reroutes,
        long transfers,
        List<OwnerFigures> owners,
        List<TeamFigures> teams,
        OfferFigures offers) {

    private static final Comparator<DecisionKey> DECISION_ORDER = Comparator.comparing(DecisionKey::rule)
            .thenComparing(DecisionKey::strategy).thenComparing(DecisionKey::queue)
            .thenComparing(DecisionKey::outcome);

    public MetricsSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(timeToAssign, "timeToAssign");
        Objects.requireNonNull(conversationWait, "conversationWait");
        queues = Collections.unmodifiableSortedMap(new TreeMap<>(queues));
        decisions = sorted(decisions, DECISION_ORDER);
        reroutes = sorted(reroutes, Comparator.naturalOrder());
        owners = List.copyOf(owners);
        teams = List.copyOf(teams);
        Objects.requireNonNull(offers, "offers");
    }

    /** An immutable copy in key order: publishers list the series in it, the same on every JVM. */
    private static <K, V> Map<K, V> sorted(Map<K, V> map, Comparator<? super K> order) {
        SortedMap<K, V> copy = new TreeMap<>(order);
        copy.putAll(Map.copyOf(map));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** {@return conversations waiting in any queue now} */
    public int waiting() {
        return queues.values().stream().mapToInt(QueueFigures::waiting).sum();
    }

    /** {@return SLA breaches in every queue} */
    public long slaBreaches() {
        return queues.values().stream().mapToLong(QueueFigures::slaBreaches).sum();
    }

    /** {@return re-routes for every reason} */
    public long rerouted() {
        return reroutes.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * {@return decisions with this outcome, for every rule, strategy and queue}
     *
     * @param outcome assigned, queued or rejected
     */
    public long decisions(Outcome outcome) {
        return decisions.entrySet().stream().filter(entry -> entry.getKey().outcome() == outcome)
                .mapToLong(Map.Entry::getValue).sum();
    }
}

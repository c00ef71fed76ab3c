package dev.switchboard.routing.replay;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The summary figures of one side of a {@link ReplayDiff}, measured from its events.
 *
 * @param conversations conversations routed
 * @param assigned of those, the ones that got an owner
 * @param waited the ones that waited in a queue at some point
 * @param rejected the ones rejected
 * @param slaBreaches waits that passed their queue's SLA
 * @param transfers hand-overs between owners
 * @param reroutes conversations taken from an owner (offline, left, or a missed response deadline) and routed again
 * @param waitingAtEnd conversations still waiting at the log's last instant
 * @param meanTimeToOwner from arrival to first owner, averaged over the assigned ones
 * @param p95TimeToOwner the 95th percentile of the same (nearest rank)
 */
public record ReplayMetrics(int conversations, int assigned, int waited, int rejected, int slaBreaches, int transfers,
        int reroutes, int waitingAtEnd, Duration meanTimeToOwner, Duration p95TimeToOwner) {

    static ReplayMetrics of(Collection<ConversationOutcome> outcomes, List<RoutingEvent> events) {
        List<Duration> toOwner = outcomes.stream().flatMap(outcome -> outcome.timeToOwner().stream()).sorted()
                .toList();
        Duration mean = toOwner.isEmpty() ? Duration.ZERO
                : toOwner.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(toOwner.size());
        Duration p95 = toOwner.isEmpty() ? Duration.ZERO
                : toOwner.get((int) Math.ceil(0.95 * toOwner.size()) - 1);
        return new ReplayMetrics(outcomes.size(), toOwner.size(),
                (int) outcomes.stream().filter(ConversationOutcome::waited).count(),
                (int) outcomes.stream().filter(ConversationOutcome::rejected).count(),
                count(events, RoutingEvent.SlaBreached.class), count(events, RoutingEvent.Transferred.class),
                count(events, RoutingEvent.Rerouted.class),
                (int) outcomes.stream().filter(ConversationOutcome::waitingAtEnd).count(), mean, p95);
    }

    private static int count(List<RoutingEvent> events, Class<? extends RoutingEvent> type) {
        return (int) events.stream().filter(type::isInstance).count();
    }
}

package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.List;

/**
 * One chain's conversations split three ways, each way covering every conversation once: by the queue each belongs
 * to (where it waits when it must: the chain's fallback queue, or its rule's), by channel and by priority.
 *
 * @param byQueue in the chain's queue order
 * @param byChannel in name order
 * @param byPriority most urgent first
 */
record Breakdown(List<Group> byQueue, List<Group> byChannel, List<Group> byPriority) {

    Breakdown {
        byQueue = List.copyOf(byQueue);
        byChannel = List.copyOf(byChannel);
        byPriority = List.copyOf(byPriority);
    }

    /**
     * The figures of one group's conversations, as the library's {@code RoutingMetrics} measured them.
     *
     * @param name the queue, channel or priority
     * @param conversations conversations in the group
     * @param assignedAtOnce of those, assigned within a second of arriving
     * @param waits for each that waited, its total time in queues (up to the close for those still waiting then)
     * @param slaBreaches waits that passed their queue's SLA
     */
    record Group(String name, long conversations, long assignedAtOnce, DurationSummary waits, long slaBreaches) {

        /** The group's figures from the snapshot of a {@code RoutingMetrics} that saw only its conversations. */
        static Group of(String name, MetricsSnapshot measured) {
            return new Group(name, measured.conversations(),
                    measured.timeToAssign().countBetween(Duration.ZERO, Duration.ofSeconds(1)),
                    measured.conversationWait(), measured.slaBreaches());
        }
    }
}

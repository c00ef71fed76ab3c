package dev.switchboard.routing.metrics;

import java.util.Objects;

/**
 * One queue's figures.
 *
 * @param queue the queue's name
 * @param waiting conversations waiting in it now
 * @param waits every stay in it that has ended (assigned, moved, released or rejected from it)
 * @param slaBreaches waits in it that passed its SLA
 * @param overflowed waits in it that an overflow policy moved on (see {@code RoutingEvent.Overflowed#fromQueue})
 */
public record QueueFigures(String queue, int waiting, DurationSummary waits, long slaBreaches, long overflowed) {

    public QueueFigures {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waits, "waits");
    }

    /** A queue's figures with no overflow counted, as for a queue nothing has waited in yet. */
    public QueueFigures(String queue, int waiting, DurationSummary waits, long slaBreaches) {
        this(queue, waiting, waits, slaBreaches, 0);
    }
}

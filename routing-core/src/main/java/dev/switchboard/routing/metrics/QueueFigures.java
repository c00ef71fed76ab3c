package dev.switchboard.routing.metrics;

import java.util.Objects;

/**
 * One queue's figures.
 *
 * @param queue the queue's name
 * @param waiting conversations waiting in it now
 * @param waits every stay in it that has ended (assigned, moved, released or rejected from it)
 * @param slaBreaches waits in it that passed its SLA
 */
public record QueueFigures(String queue, int waiting, DurationSummary waits, long slaBreaches) {

    public QueueFigures {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(waits, "waits");
    }
}

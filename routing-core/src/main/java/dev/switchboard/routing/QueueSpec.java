package dev.switchboard.routing;

import java.time.Duration;

/**
 * A named queue where conversations wait, with the service level promised for them: a conversation that is
 * still waiting {@code sla} after it entered is reported as breached.
 *
 * @param name the queue's name, unique within a plan
 * @param sla how long a conversation may wait in it, positive and at most {@link Bounds#MAX_DURATION}
 */
public record QueueSpec(String name, Duration sla) {

    public QueueSpec {
        Checks.id(name, "queue name");
        Checks.positive(sla, "sla of queue '" + name + "'");
    }
}

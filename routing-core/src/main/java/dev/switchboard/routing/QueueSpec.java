package dev.switchboard.routing;

import java.time.Duration;

/**
 * A named queue where conversations wait, with the service level promised for them: a conversation that is
 * still waiting {@code sla} after it entered is reported as breached.
 */
public record QueueSpec(String name, Duration sla) {

    public QueueSpec {
        Checks.id(name, "queue name");
        Checks.positive(sla, "sla of queue '" + name + "'");
    }
}

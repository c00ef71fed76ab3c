package dev.switchboard.routing.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A generated day at a router: the clock's start and the operations played in order, the opening roster's presence
 * and capacity changes first.
 *
 * @param start the clock's time when the router is built
 * @param operations the calls and the passing of time, in order
 */
public record Scenario(Instant start, List<Operation> operations) {

    public Scenario {
        Objects.requireNonNull(start, "start");
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
    }
}

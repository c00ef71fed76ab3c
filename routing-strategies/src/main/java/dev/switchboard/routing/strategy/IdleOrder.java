package dev.switchboard.routing.strategy;

import java.time.Instant;

/**
 * The order in which owners count as the more idle: fewer open conversations first, then the older last release
 * (an owner that never finished a conversation released at {@link Instant#MIN}, so it comes first).
 */
final class IdleOrder {
    private IdleOrder() {}

    /** Whether an owner with {@code load} open and its last release at {@code released} is idler than the other. */
    static boolean idler(int load, Instant released, int otherLoad, Instant otherReleased) {
        return load < otherLoad || (load == otherLoad && released.isBefore(otherReleased));
    }
}

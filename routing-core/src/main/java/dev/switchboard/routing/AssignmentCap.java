package dev.switchboard.routing;

import java.time.Duration;

/**
 * A fairness cap: at most {@code limit} new conversations for one owner per rolling {@code window}, whatever its
 * capacity, so that a fast owner is not flooded. At an instant {@code t} the conversations counted are those the
 * owner received at instants in {@code (t - window, t]}: a conversation received at {@code a} stops counting at
 * exactly {@code a + window}. Every conversation the owner receives counts (routed, drained, claimed, transferred),
 * but the cap holds back only automatic assignment; an owner at its cap may still claim and receive transfers.
 *
 * @param limit how many new conversations per window, positive
 * @param window the rolling window, positive and at most {@link Bounds#MAX_DURATION}
 */
public record AssignmentCap(int limit, Duration window) {

    public AssignmentCap {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit of assignment cap must be positive, was " + limit);
        }
        Checks.positive(window, "window of assignment cap");
    }
}

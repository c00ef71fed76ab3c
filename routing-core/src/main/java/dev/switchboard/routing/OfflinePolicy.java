package dev.switchboard.routing;

import java.time.Duration;

/**
 * What happens to an owner's open conversations when it goes {@link Presence#OFFLINE}: re-routed at once, or kept
 * for a grace period (a short disconnection) and re-routed only if the owner is still offline when it ends.
 * An owner that leaves the roster always has its conversations re-routed at once.
 *
 * @param grace how long conversations stay with an offline owner, at most {@link Bounds#MAX_DURATION}; zero
 *     re-routes at once
 */
public record OfflinePolicy(Duration grace) {

    public OfflinePolicy {
        Checks.nonNegative(grace, "grace");
    }

    public static OfflinePolicy reassignNow() {
        return new OfflinePolicy(Duration.ZERO);
    }

    public static OfflinePolicy keepFor(Duration grace) {
        return new OfflinePolicy(Checks.positive(grace, "grace"));
    }
}

package dev.switchboard.routing;

/**
 * Counters since the router was built.
 *
 * @param routed conversations passed to {@code route} that were routed: not already open, and not joined
 * @param assigned assignments made (first assignments, drains, claims and re-routes; transfers excluded)
 * @param queued times a conversation entered a queue
 * @param rejected conversations rejected by a chain step
 * @param transferred transfers between owners
 * @param rerouted conversations taken from an owner who went offline, left, or did not reply by the response
 *     deadline, and sent through the chain again
 * @param released conversations released
 * @param slaBreached waits that passed their queue's SLA
 * @param joined conversations that joined an open conversation of the same customer instead of being routed
 * @param retried decisions made again because another thread, or another router sharing the store, changed what
 *     they read before they committed (only a router that routes on several threads at once, or shares its store,
 *     retries; see {@link Router})
 * @param overflowed conversations an overflow policy of their rule or their queue moved on (see {@link Overflow})
 */
public record RouterStats(
        long routed, long assigned, long queued, long rejected, long transferred, long rerouted, long released,
        long slaBreached, long joined, long retried, long overflowed) {

    /** Transfers and re-routes per routed conversation: how often ownership changed after the first decision. */
    public double rerouteRate() {
        return routed == 0 ? 0.0 : (double) (transferred + rerouted) / routed;
    }
}

package dev.switchboard.routing.metrics;

import dev.switchboard.routing.Presence;
import java.time.Duration;
import java.time.Instant;

/**
 * One owner's running totals for utilisation: its open conversations integrated over time, and its capacity
 * integrated over the time it was not offline. Not thread-safe: {@link RoutingMetrics} guards it.
 */
final class OwnerUsage {

    private int capacity;
    private Presence presence;
    private int load;
    private long conversations;
    private Instant since;
    private long loadNanos;
    private long capacityNanos;

    OwnerUsage(int capacity, Presence presence, Instant since) {
        this.capacity = capacity;
        this.presence = presence;
        this.since = since;
    }

    void changeLoad(int delta, Instant at) {
        advance(at);
        load += delta;
    }

    /** The owner got a conversation it had not worked on before. */
    void countConversation() {
        conversations++;
    }

    void presence(Presence to, Instant at) {
        advance(at);
        presence = to;
    }

    void capacity(int to, Instant at) {
        advance(at);
        capacity = to;
    }

    /** Starts the clock of an owner of the initial roster whose start was not given: at the first event. */
    void startIfUnstarted(Instant at) {
        if (since == null) {
            since = at;
        }
    }

    /** Moves the running totals to {@code at}. */
    private void advance(Instant at) {
        startIfUnstarted(at);
        if (at.isAfter(since)) {
            long nanos = Duration.between(since, at).toNanos();
            loadNanos += load * nanos;
            if (presence != Presence.OFFLINE) {
                capacityNanos += capacity * nanos;
            }
            since = at;
        }
    }

    int load() {
        return load;
    }

    long conversations() {
        return conversations;
    }

    /** Open-conversation time so far, counted up to {@code asOf}. */
    long loadNanos(Instant asOf) {
        return loadNanos + load * pending(asOf);
    }

    /** Capacity time at work so far, counted up to {@code asOf}. */
    long capacityNanos(Instant asOf) {
        return capacityNanos + (presence == Presence.OFFLINE ? 0 : capacity * pending(asOf));
    }

    private long pending(Instant asOf) {
        return since == null || !asOf.isAfter(since) ? 0 : Duration.between(since, asOf).toNanos();
    }

    /** Open conversations over capacity, averaged over the time at work; zero before any capacity was at work. */
    static double utilisation(long loadNanos, long capacityNanos) {
        return capacityNanos == 0 ? 0.0 : (double) loadNanos / capacityNanos;
    }
}

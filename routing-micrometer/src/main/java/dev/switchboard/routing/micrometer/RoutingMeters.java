package dev.switchboard.routing.micrometer;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.metrics.DecisionKey;
import dev.switchboard.routing.metrics.MetricsSnapshot;
import dev.switchboard.routing.metrics.RoutingMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a {@link RoutingMetrics} to a Micrometer {@link MeterRegistry}. Add it to the router as its listener (it
 * passes every event on to the metrics), then bind it once the router is built:
 *
 * <pre>{@code
 * RoutingMeters meters = RoutingMeters.of(RoutingMetrics.builder().owners(agents).build(), clock);
 * Router router = Router.builder().clock(clock).owners(agents).listener(meters)...build();
 * meters.bindTo(registry, router);
 * }</pre>
 *
 * <p>The meters, in Micrometer's naming conventions (tags in brackets; an absent rule or queue is {@code none}):
 * <ul>
 *   <li>{@code switchboard.route.duration}: function timer, time to assign, from creation to first assignment, and
 *       {@code switchboard.route.duration.percentile} [phi: 0.5, 0.95, 0.99], time gauges of its percentiles</li>
 *   <li>{@code switchboard.queue.size} [queue]: gauge, conversations waiting</li>
 *   <li>{@code switchboard.queue.wait} [queue]: function timer, the stays in the queue that ended</li>
 *   <li>{@code switchboard.decisions} [rule, strategy, queue, outcome]: function counter</li>
 *   <li>{@code switchboard.reroutes} [reason]: function counter, conversations taken back and routed again</li>
 *   <li>{@code switchboard.transfers}: function counter, transfers between owners</li>
 *   <li>{@code switchboard.sla.breaches} [queue]: function counter</li>
 *   <li>{@code switchboard.offers} [outcome: offered, accepted, declined, expired, withdrawn]: function counter,
 *       one per owner an offer was made to (see {@code OfferPolicy})</li>
 *   <li>{@code switchboard.owner.utilisation} [owner, team]: gauge, open conversations over capacity, averaged over
 *       the time at work (team: the owner's teams joined by commas)</li>
 *   <li>{@code switchboard.team.utilisation} [team]: gauge</li>
 *   <li>{@code switchboard.decisions.retried}: function counter from {@link Router#stats()}; only a router that routes
 *       on several threads at once (one without listeners) retries, so with these meters it stays at zero</li>
 *   <li>{@code switchboard.overflows}: function counter from {@link Router#stats()}, without tags, conversations an
 *       overflow policy of their rule or of their queue moved on (see {@code Overflow})</li>
 * </ul>
 * Meters for a queue, rule, reason or owner appear with the first event that names it. Values are read from one
 * snapshot of the metrics per change, as of the clock's instant.
 */
public final class RoutingMeters implements RoutingListener {

    private final RoutingMetrics metrics;
    private final InstantSource clock;
    private final AtomicLong events = new AtomicLong();
    private volatile Instant latest = Instant.MIN;
    private volatile Snapshots snapshots;
    private volatile MeterSet meters;

    private RoutingMeters(RoutingMetrics metrics, InstantSource clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Meters over {@code metrics}, read as of {@code clock}'s instant (the router's clock).
     *
     * @param metrics the metrics this listener feeds and publishes
     * @param clock the router's clock
     * @return the meters, to add to the router as its listener
     */
    public static RoutingMeters of(RoutingMetrics metrics, InstantSource clock) {
        return new RoutingMeters(Objects.requireNonNull(metrics, "metrics"), Objects.requireNonNull(clock, "clock"));
    }

    /** {@return the metrics this listener feeds} */
    public RoutingMetrics metrics() {
        return metrics;
    }

    /** Passes the event to the metrics, and registers the meters of any queue, rule or owner it names first. */
    @Override
    public void onEvent(RoutingEvent event) {
        metrics.onEvent(event);
        events.incrementAndGet();
        if (event.at().isAfter(latest)) {
            latest = event.at();
        }
        MeterSet bound = meters;
        if (bound != null) {
            bound.registerNew();
        }
    }

    /**
     * Registers the meters in {@code registry}: those of every queue, rule, reason and owner seen so far, and from
     * now on those the events name first.
     *
     * @param registry where the meters go
     * @param router the router whose {@link Router#stats() decisions retried} to count
     * @throws IllegalStateException if already bound
     */
    public synchronized void bindTo(MeterRegistry registry, Router router) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(router, "router");
        if (meters != null) {
            throw new IllegalStateException("these meters are already bound to a registry");
        }
        MeterSet bound = new MeterSet(registry, this, router);
        bound.registerNew();
        meters = bound;
    }

    /** The metrics as of now; one snapshot is shared by every meter read until an event arrives or time moves. */
    MetricsSnapshot snapshot() {
        Instant now = clock.instant();
        Instant asOf = now.isBefore(latest) ? latest : now;
        long seen = events.get();
        Snapshots cached = snapshots;
        if (cached == null || cached.events() != seen || !cached.snapshot().at().equals(asOf)) {
            cached = new Snapshots(seen, metrics.snapshot(asOf));
            snapshots = cached;
        }
        return cached.snapshot();
    }

    private record Snapshots(long events, MetricsSnapshot snapshot) {}

    /** The tag value for an absent rule or queue. */
    static String orNone(String value) {
        return value.isEmpty() ? "none" : value;
    }

    /** The {@code switchboard.decisions} tags of a key. */
    static String[] tags(DecisionKey key) {
        return new String[] {"rule", orNone(key.rule()), "strategy", orNone(key.strategy()), "queue",
                orNone(key.queue()), "outcome", key.outcome().name().toLowerCase(Locale.ROOT)};
    }
}

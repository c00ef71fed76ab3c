package dev.switchboard.routing.micrometer;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.metrics.DecisionKey;
import dev.switchboard.routing.metrics.DurationSummary;
import dev.switchboard.routing.metrics.MetricsSnapshot;
import dev.switchboard.routing.metrics.OfferFigures;
import dev.switchboard.routing.metrics.OwnerFigures;
import dev.switchboard.routing.metrics.QueueFigures;
import dev.switchboard.routing.metrics.RerouteReason;
import dev.switchboard.routing.metrics.TeamFigures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** The meters of one {@link RoutingMeters} in one registry; registers each series once, when first named. */
final class MeterSet {

    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;
    private final RoutingMeters source;
    private final Set<Object> registered = ConcurrentHashMap.newKeySet();
    private volatile int knownSeries = -1;

    MeterSet(MeterRegistry registry, RoutingMeters source, Router router) {
        this.registry = registry;
        this.source = source;
        FunctionTimer.builder("switchboard.route.duration", source,
                        meters -> meters.snapshot().timeToAssign().count(),
                        meters -> meters.snapshot().timeToAssign().total().toNanos(), TimeUnit.NANOSECONDS)
                .description("Time to assign: from a conversation's creation to its first owner").register(registry);
        for (double phi : PERCENTILES) {
            TimeGauge.builder("switchboard.route.duration.percentile", source, TimeUnit.NANOSECONDS,
                            meters -> meters.snapshot().timeToAssign().percentile(phi * 100).toNanos())
                    .tag("phi", Double.toString(phi)).register(registry);
        }
        FunctionCounter.builder("switchboard.transfers", source, meters -> meters.snapshot().transfers())
                .description("Transfers between owners").register(registry);
        FunctionCounter.builder("switchboard.decisions.retried", router, routed -> routed.stats().retried())
                .description("Decisions made again because another thread moved what they read").register(registry);
        FunctionCounter.builder("switchboard.overflows", router, routed -> routed.stats().overflowed())
                .description("Conversations an overflow policy moved on").register(registry);
        offers("offered", OfferFigures::offered);
        offers("accepted", OfferFigures::accepted);
        offers("declined", OfferFigures::declined);
        offers("expired", OfferFigures::expired);
        offers("withdrawn", OfferFigures::withdrawn);
    }

    /** One outcome of {@code switchboard.offers}: offers made, or what became of them. */
    private void offers(String outcome, ToLongFunction<OfferFigures> count) {
        FunctionCounter.builder("switchboard.offers", source, meters -> count.applyAsLong(meters.snapshot().offers()))
                .tag("outcome", outcome).description("Offers made to owners, and what became of them")
                .register(registry);
    }

    /** Registers the series of everything in the snapshot. */
    void registerAll(MetricsSnapshot snapshot) {
        snapshot.queues().keySet().forEach(this::queue);
        snapshot.decisions().keySet().forEach(this::decisions);
        snapshot.reroutes().keySet().forEach(this::reroutes);
        snapshot.owners().forEach(owner -> owner(owner.ownerId(), String.join(",", owner.teams())));
        snapshot.teams().forEach(team -> team(team.team()));
    }

    /** Registers the series that appeared since the last look, if any did. */
    void registerNew() {
        int series = source.metrics().seriesCount();
        if (series != knownSeries) {
            knownSeries = series;
            registerAll(source.snapshot());
        }
    }

    private void queue(String queue) {
        if (registered.add("queue:" + queue)) {
            Gauge.builder("switchboard.queue.size", source, meters -> queueOf(meters, queue).waiting())
                    .tag("queue", queue).description("Conversations waiting in the queue").register(registry);
            timer("switchboard.queue.wait", meters -> queueOf(meters, queue).waits())
                    .tag("queue", queue).description("Stays in the queue that ended").register(registry);
            FunctionCounter.builder("switchboard.sla.breaches", source, meters -> queueOf(meters, queue).slaBreaches())
                    .tag("queue", queue).description("Waits that passed the queue's SLA").register(registry);
            FunctionCounter.builder("switchboard.queue.overflows", source,
                            meters -> queueOf(meters, queue).overflowed())
                    .tag("queue", queue).description("Waits in the queue that an overflow policy moved on")
                    .register(registry);
        }
    }

    private void decisions(DecisionKey key) {
        if (registered.add(key)) {
            FunctionCounter.builder("switchboard.decisions", source,
                            meters -> meters.snapshot().decisions().getOrDefault(key, 0L))
                    .tags(RoutingMeters.tags(key)).description("Decisions by rule, strategy, queue and outcome")
                    .register(registry);
        }
    }

    private void reroutes(RerouteReason reason) {
        if (registered.add(reason)) {
            FunctionCounter.builder("switchboard.reroutes", source,
                            meters -> meters.snapshot().reroutes().getOrDefault(reason, 0L))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("Conversations taken from their owner and routed again").register(registry);
        }
    }

    private void owner(String ownerId, String teams) {
        if (registered.add("owner:" + ownerId)) {
            gauge("switchboard.owner.utilisation", meters -> find(meters.snapshot().owners(), ownerId,
                            OwnerFigures::ownerId, OwnerFigures::utilisation))
                    .tag("owner", ownerId).tag("team", teams.isEmpty() ? "none" : teams)
                    .description("Open conversations over capacity, averaged over the time at work").register(registry);
        }
    }

    private void team(String team) {
        if (registered.add("team:" + team)) {
            gauge("switchboard.team.utilisation", meters -> find(meters.snapshot().teams(), team,
                            TeamFigures::team, TeamFigures::utilisation))
                    .tag("team", team).description("The team's open conversations over its capacity at work")
                    .register(registry);
        }
    }

    private static QueueFigures queueOf(RoutingMeters meters, String queue) {
        Map<String, QueueFigures> queues = meters.snapshot().queues();
        return queues.getOrDefault(queue, new QueueFigures(queue, 0, DurationSummary.empty(), 0));
    }

    private FunctionTimer.Builder<RoutingMeters> timer(String name, Function<RoutingMeters, DurationSummary> summary) {
        return FunctionTimer.builder(name, source, meters -> summary.apply(meters).count(),
                meters -> summary.apply(meters).total().toNanos(), TimeUnit.NANOSECONDS);
    }

    private Gauge.Builder<RoutingMeters> gauge(String name, ToDoubleFunction<RoutingMeters> value) {
        return Gauge.builder(name, source, value);
    }

    private static <T> double find(Iterable<T> figures, String id, Function<T, String> idOf,
            ToDoubleFunction<T> value) {
        for (T figure : figures) {
            if (idOf.apply(figure).equals(id)) {
                return value.applyAsDouble(figure);
            }
        }
        return 0.0;
    }
}

package dev.switchboard.routing.spring;

import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The router's health, by this rule, first match wins:
 * <ol>
 *   <li>{@link Status#DOWN} when conversations wait and no owner can receive work (every owner away or offline, or
 *       none on the roster): nobody will take them until someone comes back;</li>
 *   <li>{@link Status#OUT_OF_SERVICE} when a waiting conversation has passed its queue's SLA deadline;</li>
 *   <li>{@link Status#UP} otherwise.</li>
 * </ol>
 * The details say how many conversations wait, how many of them breached, how many are at risk within
 * {@code switchboard.at-risk-horizon}, which queues hold breached conversations, and how many owners can receive work
 * out of how many. Boot answers DOWN and OUT_OF_SERVICE with HTTP 503: a host whose readiness probe reads the whole
 * health should leave {@code switchboard} out of that group if it wants to keep receiving conversations then.
 */
public class SwitchboardHealthIndicator implements HealthIndicator {

    private final Router router;
    private final InstantSource clock;
    private final Duration atRiskHorizon;

    /** A health indicator on a router, reading the time from the router's clock (the {@link InstantSource} bean). */
    public SwitchboardHealthIndicator(Router router, InstantSource clock, Duration atRiskHorizon) {
        Waiting.checkReader(router, clock, atRiskHorizon);
        this.router = router;
        this.clock = clock;
        this.atRiskHorizon = atRiskHorizon;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Instant horizon = now.plus(atRiskHorizon);
        List<WaitingConversation> waiting = router.waiting();
        List<OwnerStatus> roster = router.roster();
        long available = roster.stream().filter(status -> status.presence().mayReceiveWork()).count();
        TreeSet<String> breachedQueues = new TreeSet<>();
        long breached = 0;
        long atRisk = 0;
        for (WaitingConversation entry : waiting) {
            if (Waiting.dueBy(entry, now)) {
                breached++;
                breachedQueues.add(entry.queue());
            }
            if (Waiting.dueBy(entry, horizon)) {
                atRisk++;
            }
        }
        Status status = !waiting.isEmpty() && available == 0 ? Status.DOWN
                : breached > 0 ? Status.OUT_OF_SERVICE
                : Status.UP;
        return Health.status(status)
                .withDetail("waiting", waiting.size())
                .withDetail("breached", breached)
                .withDetail("breachedQueues", List.copyOf(breachedQueues))
                .withDetail("atRisk", atRisk)
                .withDetail("atRiskWithin", atRiskHorizon.toString())
                .withDetail("ownersAvailable", available)
                .withDetail("owners", roster.size())
                .build();
    }
}

package dev.switchboard.routing.spring;

import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code switchboard}: the queues with how many conversations wait in each, the conversations
 * at risk of breaching their SLA within {@code switchboard.at-risk-horizon} (those already breached included), and
 * the roster with each owner's presence and load. Read-only; expose it over HTTP with
 * {@code management.endpoints.web.exposure.include=health,switchboard}.
 */
@Endpoint(id = "switchboard")
public class SwitchboardEndpoint {

    private final Router router;
    private final InstantSource clock;
    private final Duration atRiskHorizon;

    /** An endpoint on a router, reading the time from the router's clock (the {@link InstantSource} bean). */
    public SwitchboardEndpoint(Router router, InstantSource clock, Duration atRiskHorizon) {
        Waiting.checkReader(router, clock, atRiskHorizon);
        this.router = router;
        this.clock = clock;
        this.atRiskHorizon = atRiskHorizon;
    }

    /** What the router holds now. */
    @ReadOperation
    public Overview overview() {
        Instant now = clock.instant();
        Map<String, Long> waiting = router.waiting().stream()
                .collect(Collectors.groupingBy(WaitingConversation::queue, Collectors.counting()));
        List<QueueSize> queues = router.plan().queues().stream()
                .map(queue -> new QueueSize(queue.name(), queue.sla(), waiting.getOrDefault(queue.name(), 0L)))
                .toList();
        List<AtRisk> atRisk = router.atRisk(atRiskHorizon).stream().map(entry -> AtRisk.of(entry, now)).toList();
        List<OwnerLoad> roster = router.roster().stream().map(OwnerLoad::of).toList();
        return new Overview(queues, atRiskHorizon, atRisk, roster);
    }

    /**
     * The endpoint's answer.
     *
     * @param queues every queue of the plan in force, in plan order (every waiting conversation is in one of them)
     * @param atRiskWithin the horizon of {@code atRisk}
     * @param atRisk the waiting conversations whose SLA deadline is within the horizon, earliest deadline first
     * @param roster every owner, in roster order
     */
    public record Overview(List<QueueSize> queues, Duration atRiskWithin, List<AtRisk> atRisk, List<OwnerLoad> roster) {
        public Overview {
            queues = List.copyOf(queues);
            atRisk = List.copyOf(atRisk);
            roster = List.copyOf(roster);
        }
    }

    /**
     * A queue.
     *
     * @param name its name
     * @param sla its SLA
     * @param size how many conversations wait in it
     */
    public record QueueSize(String name, Duration sla, long size) {
    }

    /**
     * A waiting conversation near or past its SLA deadline.
     *
     * @param conversationId the conversation
     * @param queue where it waits
     * @param priority its priority
     * @param vip whether its customer is a VIP
     * @param waitingSince when it entered the queue
     * @param slaDeadline when its wait breaches (or breached) the queue's SLA
     * @param breached whether that deadline has passed
     */
    public record AtRisk(String conversationId, String queue, Priority priority, boolean vip, Instant waitingSince,
            Instant slaDeadline, boolean breached) {

        static AtRisk of(WaitingConversation entry, Instant now) {
            return new AtRisk(entry.conversation().id(), entry.queue(), entry.conversation().priority(),
                    entry.conversation().vip(), entry.enqueuedAt(), entry.slaDeadline(),
                    Waiting.dueBy(entry, now));
        }
    }

    /**
     * An owner's presence and load.
     *
     * @param id the owner
     * @param presence its presence
     * @param load its open conversations
     * @param capacity how many it may hold in total
     * @param loadByChannel its open conversations per channel (channels with none are absent)
     */
    public record OwnerLoad(String id, Presence presence, int load, int capacity, Map<String, Integer> loadByChannel) {

        public OwnerLoad {
            loadByChannel = Map.copyOf(loadByChannel);
        }

        static OwnerLoad of(OwnerStatus status) {
            return new OwnerLoad(status.owner().id(), status.presence(), status.load(),
                    status.owner().capacity().total(), status.loadByChannel());
        }
    }
}

package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.metrics.RoutingMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures a chain's conversations by queue, channel and priority for the {@link Breakdown}: one library
 * {@link RoutingMetrics} per group, fed the events of that group's conversations only, so that every group's figures
 * mean exactly what the chain's do. A conversation's queue is the one it first waits in, else its rule's, else the
 * chain's only queue.
 */
final class GroupMetrics implements RoutingListener {

    private final Chain chain;
    private final Instant start;
    private final Map<String, RoutingMetrics> byQueue = new LinkedHashMap<>();
    private final Map<String, RoutingMetrics> byChannel = new TreeMap<>();
    private final Map<Priority, RoutingMetrics> byPriority = new TreeMap<>(Comparator.reverseOrder());
    private final Map<String, List<RoutingMetrics>> groupsOf = new HashMap<>();

    GroupMetrics(Chain chain, List<QueueSpec> queues, Instant start) {
        this.chain = chain;
        this.start = start;
        queues.forEach(queue -> byQueue.put(queue.name(), metrics()));
    }

    @Override
    public void onEvent(RoutingEvent event) {
        conversationOf(event).ifPresent(conversation -> groupsOf.computeIfAbsent(conversation.id(), id -> List.of(
                byQueue.computeIfAbsent(queueOf(event), name -> metrics()),
                byChannel.computeIfAbsent(conversation.channel(), name -> metrics()),
                byPriority.computeIfAbsent(conversation.priority(), name -> metrics())))
                .forEach(metrics -> metrics.onEvent(event)));
    }

    /** The groups' figures as of {@code end}. */
    Breakdown finish(Instant end) {
        Map<String, RoutingMetrics> priorities = new LinkedHashMap<>();
        byPriority.forEach((priority, metrics) -> priorities.put(priority.name().toLowerCase(Locale.ROOT), metrics));
        return new Breakdown(groups(byQueue, end), groups(byChannel, end), groups(priorities, end));
    }

    private static List<Breakdown.Group> groups(Map<String, RoutingMetrics> metrics, Instant end) {
        List<Breakdown.Group> groups = new ArrayList<>();
        metrics.forEach((name, measured) -> groups.add(Breakdown.Group.of(name, measured.snapshot(end))));
        return groups;
    }

    private RoutingMetrics metrics() {
        return RoutingMetrics.builder().since(start).build();
    }

    /** The queue of a conversation first seen in {@code event}. */
    private String queueOf(RoutingEvent event) {
        if (event instanceof RoutingEvent.Queued queued) {
            return queued.queue();
        }
        Optional<String> rule = (event instanceof RoutingEvent.Assigned assigned ? assigned.trace().rule()
                : event instanceof RoutingEvent.Offered offered ? offered.trace().rule()
                : event instanceof RoutingEvent.Rejected rejected ? rejected.trace().rule()
                : Optional.<Trace.RuleMatch>empty()).map(Trace.RuleMatch::name);
        return chain.plan().flatMap(plan -> plan.rules().stream()
                        .filter(candidate -> rule.map(candidate.name()::equals).orElse(true)).findFirst())
                .map(Rule::queue).orElseGet(() -> byQueue.keySet().iterator().next());
    }

    /** The conversation of an event that {@link RoutingMetrics} counts for a conversation. */
    private static Optional<Conversation> conversationOf(RoutingEvent event) {
        Conversation conversation = null;
        if (event instanceof RoutingEvent.Assigned e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Queued e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Offered e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.OfferDeclined e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.OfferExpired e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.OfferWithdrawn e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Rejected e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Transferred e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Rerouted e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Released e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.Joined e) {
            conversation = e.conversation();
        } else if (event instanceof RoutingEvent.SlaBreached e) {
            conversation = e.conversation();
        }
        return Optional.ofNullable(conversation);
    }
}

package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.examples.simulator.ChainReport.AgentFigures;
import dev.switchboard.routing.metrics.MetricsSnapshot;
import dev.switchboard.routing.metrics.RoutingMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures a chain's day from the router's events alone, as a host app's reporting would: the library's
 * {@link RoutingMetrics} measure time to assign, waits, breaches, transfers, re-routes and each agent's load and
 * utilisation; this listener adds what only the simulation asks: conversations sent to review, whether returning
 * customers reached their previous owner, the queue's length minute by minute, the figures by queue, channel and
 * priority ({@link GroupMetrics}), and the conversations that overflowed. Every agent starts offline, as the
 * simulation adds them, unless the router's roster, which only a recorder sees ({@link RouterInput.Roster}), says
 * otherwise.
 */
final class MetricsCollector implements RoutingListener {

    private final Chain chain;
    private final Instant start;
    private final RoutingMetrics metrics;
    private final List<QueueSpec> queues;
    private final GroupMetrics groups;
    private final Map<String, String> lastOwnerOfCustomer = new HashMap<>();
    private final Set<String> assigned = new HashSet<>();
    private final Set<String> waitingNow = new HashSet<>();
    private final Set<String> sentToReview = new HashSet<>();
    private final int[] queueByMinute;
    private int filledMinute;
    private int returning;
    private int backToPreviousOwner;
    private int overflows;

    MetricsCollector(Day day, Chain chain) {
        this.chain = chain;
        this.start = day.start();
        RoutingMetrics.Builder builder = RoutingMetrics.builder().since(day.start());
        for (Owner owner : day.owners()) {
            builder.owner(owner, Presence.OFFLINE);
        }
        this.metrics = builder.build();
        this.queues = chain.queues(day.queueSla());
        this.groups = new GroupMetrics(chain, queues, day.start());
        queueByMinute = new int[minuteOf(day.end()) + 1];
    }

    @Override
    public void onEvent(RoutingEvent event) {
        metrics.onEvent(event);
        groups.onEvent(event);
        if (event instanceof RoutingEvent.Queued queued) {
            enterQueue(queued.conversation().id(), queued.at());
            if (chain.sendsToReview(queued.conversation(), queued.queue())) {
                sentToReview.add(queued.conversation().id());
            }
        } else if (event instanceof RoutingEvent.Assigned done) {
            leaveQueue(done.conversation().id(), done.at());
            if (assigned.add(done.conversation().id())) {
                String previous = lastOwnerOfCustomer.get(done.conversation().customerId());
                if (previous != null) {
                    returning++;
                    if (previous.equals(done.ownerId())) {
                        backToPreviousOwner++;
                    }
                }
            }
            lastOwnerOfCustomer.put(done.conversation().customerId(), done.ownerId());
        } else if (event instanceof RoutingEvent.Overflowed) {
            overflows++;
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            lastOwnerOfCustomer.put(transferred.conversation().customerId(), transferred.toOwnerId());
        } else if (event instanceof RoutingEvent.Released released) {
            leaveQueue(released.conversation().id(), released.at());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            leaveQueue(rejected.conversation().id(), rejected.at());
        }
    }

    /** Ends the day: the library's figures as of {@code end}, with the simulation's own. */
    ChainReport finish(Instant end) {
        MetricsSnapshot day = metrics.snapshot(end);
        fillUntil(queueByMinute.length - 1);
        List<AgentFigures> agents = day.owners().stream()
                .map(owner -> new AgentFigures(owner.ownerId(), (int) owner.conversations(), owner.utilisation()))
                .toList();
        List<Integer> byMinute = Arrays.stream(queueByMinute).boxed().toList();
        return new ChainReport(chain, (int) day.conversations(), day.timeToAssign(), day.conversationWait(),
                (int) day.slaBreaches(), (int) day.transfers(), (int) day.rerouted(), sentToReview.size(),
                day.waiting(), agents, returning, backToPreviousOwner, byMinute, queues, groups.finish(end),
                day.offers(), overflows);
    }

    private void enterQueue(String conversationId, Instant at) {
        int minute = minuteOf(at);
        fillUntil(minute);
        if (waitingNow.add(conversationId)) {
            queueByMinute[minute] = Math.max(queueByMinute[minute], waitingNow.size());
        }
    }

    private void leaveQueue(String conversationId, Instant at) {
        fillUntil(minuteOf(at));
        waitingNow.remove(conversationId);
    }

    /** Carries the current queue length into the minutes up to {@code minute} in which it did not change. */
    private void fillUntil(int minute) {
        while (filledMinute < minute) {
            filledMinute++;
            queueByMinute[filledMinute] = waitingNow.size();
        }
    }

    private int minuteOf(Instant at) {
        return (int) (Duration.between(start, at).toSeconds() / 60);
    }
}

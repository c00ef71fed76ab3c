package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.examples.simulator.ChainReport.AgentFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures a chain's day from the router's events alone, as a host app's reporting would: when each conversation
 * was first assigned, how long it waited in queues, breaches, transfers and re-routes, each agent's load over
 * time and time at work, and whether returning customers reached their previous owner. Every agent starts
 * offline, as the simulation adds them, unless the router's roster, which only a recorder sees
 * ({@link RouterInput.Roster}), says otherwise.
 */
final class MetricsCollector implements RoutingListener {

    private final Chain chain;
    private final Instant start;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Tracked> open = new HashMap<>();
    private final Map<String, String> lastOwnerOfCustomer = new HashMap<>();
    private final Set<String> sentToReview = new HashSet<>();
    private final List<Long> timeToAssign = new ArrayList<>();
    private final List<Long> timeInQueue = new ArrayList<>();
    private final int[] queueByMinute;
    private int filledMinute;
    private int waiting;
    private int conversations;
    private int slaBreaches;
    private int transfers;
    private int reroutes;
    private int returning;
    private int backToPreviousOwner;

    MetricsCollector(Day day, Chain chain) {
        this.chain = chain;
        this.start = day.start();
        for (Owner owner : day.owners()) {
            agents.put(owner.id(), new Agent(owner.capacity().total()));
        }
        queueByMinute = new int[minuteOf(day.end()) + 1];
    }

    /** A conversation while it is open: where it is, and how long it has waited so far. */
    private static final class Tracked {
        final Conversation conversation;
        String owner;
        String queue;
        Instant queuedSince;
        long queuedSeconds;
        boolean everQueued;
        boolean everAssigned;
        final Set<String> workedOnBy = new HashSet<>(2);

        Tracked(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    /** An agent's running totals: load integrated over time, and time not offline. */
    private static final class Agent {
        final int capacity;
        int load;
        Instant loadSince = Instant.EPOCH;
        double loadSeconds;
        Instant atWorkSince;
        long atWorkSeconds;
        int received;

        Agent(int capacity) {
            this.capacity = capacity;
        }

        void changeLoad(int delta, Instant at) {
            loadSeconds += load * (double) seconds(loadSince, at);
            loadSince = at;
            load += delta;
        }

        void presence(Presence from, Presence to, Instant at) {
            if (from == Presence.OFFLINE) {
                atWorkSince = at;
            } else if (to == Presence.OFFLINE) {
                atWorkSeconds += seconds(atWorkSince, at);
                atWorkSince = null;
            }
        }

        double utilisation() {
            return atWorkSeconds == 0 || capacity == 0 ? 0 : loadSeconds / (capacity * (double) atWorkSeconds);
        }
    }

    @Override
    public void onEvent(RoutingEvent event) {
        if (event instanceof RoutingEvent.Queued queued) {
            Tracked tracked = track(queued.conversation());
            if (tracked.queue != null) {
                leaveQueue(tracked, queued.at());
            }
            tracked.queue = queued.queue();
            tracked.queuedSince = queued.at();
            tracked.everQueued = true;
            changeWaiting(+1, queued.at());
            if (chain.sendsToReview(queued.conversation(), queued.queue())) {
                sentToReview.add(queued.conversation().id());
            }
        } else if (event instanceof RoutingEvent.Assigned assigned) {
            Tracked tracked = track(assigned.conversation());
            if (tracked.queue != null) {
                leaveQueue(tracked, assigned.at());
            }
            if (!tracked.everAssigned) {
                tracked.everAssigned = true;
                timeToAssign.add(seconds(assigned.conversation().createdAt(), assigned.at()));
                String previous = lastOwnerOfCustomer.get(assigned.conversation().customerId());
                if (previous != null) {
                    returning++;
                    if (previous.equals(assigned.ownerId())) {
                        backToPreviousOwner++;
                    }
                }
            }
            receive(tracked, assigned.ownerId(), assigned.at());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            Tracked tracked = open.get(transferred.conversation().id());
            agents.get(transferred.fromOwnerId()).changeLoad(-1, transferred.at());
            transfers++;
            receive(tracked, transferred.toOwnerId(), transferred.at());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            Tracked tracked = open.get(rerouted.conversation().id());
            agents.get(rerouted.fromOwnerId()).changeLoad(-1, rerouted.at());
            tracked.owner = null;
            reroutes++;
        } else if (event instanceof RoutingEvent.Released released) {
            close(open.remove(released.conversation().id()), released.at());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            close(track(rejected.conversation()), rejected.at());
            open.remove(rejected.conversation().id());
        } else if (event instanceof RoutingEvent.SlaBreached) {
            slaBreaches++;
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            agents.get(changed.ownerId()).presence(changed.from(), changed.to(), changed.at());
        } else if (event instanceof RoutingEvent.Input input && input.input() instanceof RouterInput.Roster roster) {
            roster.presences().forEach((ownerId, presence) -> {
                if (presence != Presence.OFFLINE) {
                    agents.get(ownerId).presence(Presence.OFFLINE, presence, input.at());
                }
            });
        }
    }

    /** Ends the day: closes every running total at {@code end} and returns the chain's figures. */
    ChainReport finish(Instant end) {
        int waitingAtClose = 0;
        for (Tracked tracked : open.values()) {
            if (tracked.queue != null) {
                waitingAtClose++;
            }
        }
        List<Tracked> stillOpen = new ArrayList<>(open.values());
        stillOpen.forEach(tracked -> close(tracked, end));
        open.clear();
        fillUntil(queueByMinute.length - 1);
        List<AgentFigures> figures = new ArrayList<>();
        agents.forEach((id, agent) -> {
            agent.changeLoad(0, end);
            if (agent.atWorkSince != null) {
                agent.presence(Presence.ONLINE, Presence.OFFLINE, end);
            }
            figures.add(new AgentFigures(id, agent.received, agent.utilisation()));
        });
        List<Integer> byMinute = new ArrayList<>(queueByMinute.length);
        for (int length : queueByMinute) {
            byMinute.add(length);
        }
        return new ChainReport(chain, conversations, new Distribution(timeToAssign), new Distribution(timeInQueue),
                slaBreaches, transfers, reroutes, sentToReview.size(), waitingAtClose, figures, returning,
                backToPreviousOwner, byMinute);
    }

    private Tracked track(Conversation conversation) {
        return open.computeIfAbsent(conversation.id(), id -> {
            conversations++;
            return new Tracked(conversation);
        });
    }

    private void receive(Tracked tracked, String ownerId, Instant at) {
        Agent agent = agents.get(ownerId);
        agent.changeLoad(+1, at);
        if (tracked.workedOnBy.add(ownerId)) {
            agent.received++;
        }
        tracked.owner = ownerId;
        lastOwnerOfCustomer.put(tracked.conversation.customerId(), ownerId);
    }

    /** The conversation leaves its owner or queue for good (released, rejected, or still open at the close). */
    private void close(Tracked tracked, Instant at) {
        if (tracked.owner != null) {
            agents.get(tracked.owner).changeLoad(-1, at);
        } else if (tracked.queue != null) {
            leaveQueue(tracked, at);
        }
        if (tracked.everQueued) {
            timeInQueue.add(tracked.queuedSeconds);
        }
    }

    private void leaveQueue(Tracked tracked, Instant at) {
        tracked.queuedSeconds += seconds(tracked.queuedSince, at);
        tracked.queue = null;
        changeWaiting(-1, at);
    }

    private void changeWaiting(int delta, Instant at) {
        int minute = minuteOf(at);
        fillUntil(minute);
        waiting += delta;
        queueByMinute[minute] = Math.max(queueByMinute[minute], waiting);
    }

    /** Carries the current queue length into the minutes up to {@code minute} in which it did not change. */
    private void fillUntil(int minute) {
        while (filledMinute < minute) {
            filledMinute++;
            queueByMinute[filledMinute] = waiting;
        }
    }

    private int minuteOf(Instant at) {
        return (int) (seconds(start, at) / 60);
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}

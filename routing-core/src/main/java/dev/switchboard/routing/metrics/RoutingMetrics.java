package dev.switchboard.routing.metrics;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures routing from the router's events, as a dashboard needs it: time to assign, waits by queue, SLA breaches,
 * reroutes by reason, decisions by rule, strategy, queue and outcome, queue lengths, utilisation per owner and
 * per team, and offers made, accepted, declined, expired and withdrawn. Add it to the router as a listener; every time
 * comes from the events' instants, so a router on a {@code ManualClock} is measured exactly. Thread-safe:
 * {@link #snapshot} may be called from any thread while events arrive.
 *
 * <pre>{@code
 * RoutingMetrics metrics = RoutingMetrics.builder().owners(agents).team("senior", List.of("ana", "ben")).build();
 * Router router = Router.builder().owners(agents).listener(metrics)...build();
 * MetricsSnapshot now = metrics.snapshot(clock.instant());
 * }</pre>
 *
 * <p>Utilisation needs the owners' capacity and presence from the start: give the metrics the router's initial
 * roster ({@link Builder#owner(Owner, Presence)}); owners that join later are learned from their events. An owner
 * the metrics meet only in an assignment counts as capacity zero (utilisation 0) until its capacity changes.
 */
public final class RoutingMetrics implements RoutingListener {

    /** The strategy of an assignment made by accepting an offer. */
    private static final String OFFER_STEP = "offer";

    private final Map<String, OwnerUsage> owners = new LinkedHashMap<>();
    private final Map<String, Set<String>> teamsOfOwner = new HashMap<>();
    private final Map<String, List<String>> teams;
    private final Map<String, OpenConversation> open = new HashMap<>();
    private final Map<String, QueueState> queues = new TreeMap<>();
    private final Map<DecisionKey, Long> decisions = new LinkedHashMap<>();
    private final Map<RerouteReason, Long> reroutes = new EnumMap<>(RerouteReason.class);
    private final DurationRecorder timeToAssign = new DurationRecorder();
    private final DurationRecorder conversationWait = new DurationRecorder();
    private long conversations;
    private long transfers;
    private long offered;
    private long offersAccepted;
    private long offersDeclined;
    private long offersExpired;
    private long offersWithdrawn;
    private Instant latest = Instant.MIN;

    /** A queue's running figures. */
    private static final class QueueState {
        int waiting;
        long slaBreaches;
        long overflowed;
        final DurationRecorder waits = new DurationRecorder();
    }

    private RoutingMetrics(Builder builder) {
        builder.owners.forEach((id, start) -> owners.put(id,
                new OwnerUsage(start.owner().capacity().total(), start.presence(), builder.since)));
        teams = new TreeMap<>();
        builder.teams.forEach((team, members) -> {
            teams.put(team, List.copyOf(members));
            members.forEach(member -> teamsOfOwner.computeIfAbsent(member, id -> new TreeSet<>()).add(team));
        });
    }

    /** {@return metrics of a router with no owners yet and no teams} */
    public static RoutingMetrics create() {
        return builder().build();
    }

    /** {@return a builder, to give the initial roster and the teams} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized void onEvent(RoutingEvent event) {
        if (latest.equals(Instant.MIN)) {
            owners.values().forEach(usage -> usage.startIfUnstarted(event.at()));
        }
        if (event.at().isAfter(latest)) {
            latest = event.at();
        }
        if (event instanceof RoutingEvent.Queued queued) {
            onQueued(queued);
        } else if (event instanceof RoutingEvent.Assigned assigned) {
            onAssigned(assigned);
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            OpenConversation tracked = track(rejected.conversation());
            count(rejected.trace(), tracked.queue == null ? "" : tracked.queue, Outcome.REJECTED);
            close(open.remove(rejected.conversation().id()), rejected.at());
        } else if (event instanceof RoutingEvent.Offered offer) {
            onOffered(offer);
        } else if (event instanceof RoutingEvent.OfferDeclined) {
            offersDeclined++;
        } else if (event instanceof RoutingEvent.OfferExpired) {
            offersExpired++;
        } else if (event instanceof RoutingEvent.OfferWithdrawn) {
            offersWithdrawn++;
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            OpenConversation tracked = track(transferred.conversation());
            owner(transferred.fromOwnerId()).changeLoad(-1, transferred.at());
            transfers++;
            receive(tracked, transferred.toOwnerId(), transferred.at());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            owner(rerouted.fromOwnerId()).changeLoad(-1, rerouted.at());
            track(rerouted.conversation()).owner = null;
            reroutes.merge(RerouteReason.of(rerouted.reason()), 1L, Long::sum);
        } else if (event instanceof RoutingEvent.Released released) {
            close(open.remove(released.conversation().id()), released.at());
        } else if (event instanceof RoutingEvent.Joined joined) {
            close(open.remove(joined.conversation().id()), joined.at());
        } else if (event instanceof RoutingEvent.SlaBreached breached) {
            queue(breached.queue()).slaBreaches++;
        } else if (event instanceof RoutingEvent.Overflowed overflowed && !overflowed.fromQueue().isEmpty()) {
            queue(overflowed.fromQueue()).overflowed++;
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            owner(changed.ownerId()).presence(changed.to(), changed.at());
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            owner(changed.ownerId()).capacity(changed.to().total(), changed.at());
        } else if (event instanceof RoutingEvent.OwnerJoined joined) {
            owners.put(joined.owner().id(),
                    new OwnerUsage(joined.owner().capacity().total(), joined.presence(), joined.at()));
        } else if (event instanceof RoutingEvent.OwnerLeft left) {
            owner(left.ownerId()).presence(Presence.OFFLINE, left.at());
        } else if (event instanceof RoutingEvent.Input input && input.input() instanceof RouterInput.Roster roster) {
            roster.presences().forEach((ownerId, presence) -> owner(ownerId).presence(presence, input.at()));
        }
    }

    /**
     * What was measured, with running totals counted up to {@code asOf}.
     *
     * @param asOf now, by the router's clock: not before the last event received
     * @return the figures
     * @throws IllegalArgumentException if {@code asOf} is before the last event received
     */
    public synchronized MetricsSnapshot snapshot(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (asOf.isBefore(latest)) {
            throw new IllegalArgumentException("asOf must not be before the last event (" + latest + "), was " + asOf);
        }
        Map<String, QueueFigures> queueFigures = new LinkedHashMap<>();
        queues.forEach((name, queue) -> queueFigures.put(name,
                new QueueFigures(name, queue.waiting, queue.waits.summary(), queue.slaBreaches, queue.overflowed)));
        List<Duration> waitsSoFar = new ArrayList<>();
        for (OpenConversation tracked : open.values()) {
            if (tracked.everQueued) {
                waitsSoFar.add(tracked.waitedUntil(asOf));
            }
        }
        List<OwnerFigures> ownerFigures = new ArrayList<>();
        owners.forEach((id, usage) -> ownerFigures.add(new OwnerFigures(id, teamsOfOwner.getOrDefault(id, Set.of()),
                usage.load(), usage.conversations(),
                OwnerUsage.utilisation(usage.loadNanos(asOf), usage.capacityNanos(asOf)))));
        List<TeamFigures> teamFigures = new ArrayList<>();
        teams.forEach((team, members) -> {
            long loadNanos = 0;
            long capacityNanos = 0;
            for (String member : members) {
                OwnerUsage usage = owners.get(member);
                if (usage != null) {
                    loadNanos += usage.loadNanos(asOf);
                    capacityNanos += usage.capacityNanos(asOf);
                }
            }
            teamFigures.add(new TeamFigures(team, members, OwnerUsage.utilisation(loadNanos, capacityNanos)));
        });
        return new MetricsSnapshot(asOf, conversations, timeToAssign.summary(),
                conversationWait.summaryWith(waitsSoFar), queueFigures, decisions, reroutes, transfers, ownerFigures,
                teamFigures, new OfferFigures(offered, offersAccepted, offersDeclined, offersExpired, offersWithdrawn));
    }

    /**
     * How many series the metrics have: queues, decision keys, reroute reasons, owners and teams. It grows when an
     * event names a new one, so a publisher (such as a Micrometer binding) registers new meters only then.
     *
     * @return the number of series
     */
    public synchronized int seriesCount() {
        return queues.size() + decisions.size() + reroutes.size() + owners.size() + teams.size();
    }

    private void onQueued(RoutingEvent.Queued queued) {
        OpenConversation tracked = track(queued.conversation());
        if (tracked.queue != null) {
            leaveQueue(tracked, queued.at());
        }
        if (tracked.owner != null) { // taken back for review after missed response deadlines
            owner(tracked.owner).changeLoad(-1, queued.at());
            tracked.owner = null;
        }
        tracked.queue = queued.queue();
        tracked.queuedSince = queued.at();
        tracked.everQueued = true;
        queue(queued.queue()).waiting++;
        count(queued.trace(), queued.queue(), Outcome.QUEUED);
    }

    /** An offer takes the conversation out of its queue; the assignment is counted when it is accepted. */
    private void onOffered(RoutingEvent.Offered offer) {
        offered++;
        OpenConversation tracked = track(offer.conversation());
        if (tracked.queue != null) {
            leaveQueue(tracked, offer.at());
        }
    }

    private void onAssigned(RoutingEvent.Assigned assigned) {
        if (assigned.strategy().equals(OFFER_STEP)) {
            offersAccepted++;
        }
        OpenConversation tracked = track(assigned.conversation());
        String from = tracked.queue == null ? "" : tracked.queue;
        if (tracked.queue != null) {
            leaveQueue(tracked, assigned.at());
        }
        if (!tracked.everAssigned) {
            tracked.everAssigned = true;
            timeToAssign.record(Duration.between(assigned.conversation().createdAt(), assigned.at()));
        }
        count(assigned.trace(), from, Outcome.ASSIGNED);
        receive(tracked, assigned.ownerId(), assigned.at());
    }

    private void count(Trace trace, String queue, Outcome outcome) {
        String rule = trace.rule().map(Trace.RuleMatch::name).orElse("");
        String strategy = trace.steps().isEmpty() ? "" : trace.steps().get(trace.steps().size() - 1).strategy();
        decisions.merge(new DecisionKey(rule, strategy, queue, outcome), 1L, Long::sum);
    }

    private OpenConversation track(Conversation conversation) {
        return open.computeIfAbsent(conversation.id(), id -> {
            conversations++;
            return new OpenConversation(conversation);
        });
    }

    private OwnerUsage owner(String ownerId) {
        return owners.computeIfAbsent(ownerId, id -> new OwnerUsage(0, Presence.ONLINE, latest));
    }

    private QueueState queue(String name) {
        return queues.computeIfAbsent(name, key -> new QueueState());
    }

    private void receive(OpenConversation tracked, String ownerId, Instant at) {
        OwnerUsage usage = owner(ownerId);
        usage.changeLoad(+1, at);
        if (tracked.workedOnBy.add(ownerId)) {
            usage.countConversation();
        }
        tracked.owner = ownerId;
    }

    /** The conversation leaves the router (released, rejected or joined to another); null when never seen. */
    private void close(OpenConversation tracked, Instant at) {
        if (tracked == null) {
            return;
        }
        if (tracked.owner != null) {
            owner(tracked.owner).changeLoad(-1, at);
        } else if (tracked.queue != null) {
            leaveQueue(tracked, at);
        }
        if (tracked.everQueued) {
            conversationWait.record(tracked.waited);
        }
    }

    private void leaveQueue(OpenConversation tracked, Instant at) {
        Duration stay = Duration.between(tracked.queuedSince, at);
        tracked.waited = tracked.waited.plus(stay);
        QueueState queue = queue(tracked.queue);
        queue.waiting--;
        queue.waits.record(stay);
        tracked.queue = null;
    }

    /**
     * Builds {@link RoutingMetrics}: the router's initial roster and the teams to report utilisation for. Each option
     * is checked when set; {@link #build()} leaves the builder unchanged.
     */
    public static final class Builder {

        private record Start(Owner owner, Presence presence) {}

        private final Map<String, Start> owners = new LinkedHashMap<>();
        private final Map<String, List<String>> teams = new LinkedHashMap<>();
        private Instant since;

        private Builder() {}

        /**
         * Adds an owner of the router's initial roster, {@link Presence#ONLINE}, as in {@code Router.Builder.owner}.
         *
         * @param owner the owner
         * @return this builder
         */
        public Builder owner(Owner owner) {
            return owner(owner, Presence.ONLINE);
        }

        /**
         * Adds an owner of the router's initial roster with the presence it starts in.
         *
         * @param owner the owner
         * @param presence its presence when the router is built
         * @return this builder
         */
        public Builder owner(Owner owner, Presence presence) {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(presence, "presence");
            if (owners.containsKey(owner.id())) {
                throw new IllegalArgumentException("owner id '" + owner.id() + "' is already on the roster");
            }
            owners.put(owner.id(), new Start(owner, presence));
            return this;
        }

        /**
         * Adds owners of the router's initial roster, all {@link Presence#ONLINE}.
         *
         * @param values the owners
         * @return this builder
         */
        public Builder owners(Iterable<Owner> values) {
            Objects.requireNonNull(values, "owners").forEach(this::owner);
            return this;
        }

        /**
         * Sets when the initial roster's time starts (the router's build time); by default, the first event's instant.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder since(Instant value) {
            since = Objects.requireNonNull(value, "since");
            return this;
        }

        /**
         * Adds a team whose utilisation to report; an owner may be in several teams.
         *
         * @param name the team's name
         * @param ownerIds its members' ids
         * @return this builder
         */
        public Builder team(String name, Collection<String> ownerIds) {
            Objects.requireNonNull(name, "team name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("team name must not be blank, was '" + name + "'");
            }
            if (teams.containsKey(name)) {
                throw new IllegalArgumentException("team '" + name + "' is already defined");
            }
            List<String> members = List.copyOf(Objects.requireNonNull(ownerIds, "ownerIds of team '" + name + "'"));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("team '" + name + "' must have at least one owner, was []");
            }
            teams.put(name, members);
            return this;
        }

        /**
         * Builds the metrics; the builder stays usable and unchanged.
         *
         * @return the metrics, to add to the router as a listener
         */
        public RoutingMetrics build() {
            return new RoutingMetrics(this);
        }
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.state.ServeOrder;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Router.Builder} collected, with its defaults: the options as they were set, the checks of the options
 * that add to what was set before, and the checks {@link Router.Builder#build()} makes of them together. The router
 * reads it once, in its constructor, and keeps copies; nothing it builds changes it.
 */
final class RouterSettings {

    private static final String DEFAULT_RULE = "default";

    record RosterEntry(Owner owner, Presence presence) {}

    InstantSource clock = Clock.systemUTC();
    final Map<String, RosterEntry> roster = new LinkedHashMap<>();
    final List<Strategy> chain = new ArrayList<>();
    final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    String fallbackQueueName;
    OfflinePolicy offlinePolicy = OfflinePolicy.reassignNow();
    ServeOrder serveOrder = ServeOrder.WITHOUT_AGING;
    Duration wrapUp = Duration.ZERO;
    LiveStateFactory liveState = InMemoryLiveState::new;
    final List<RoutingListener> listeners = new ArrayList<>();
    final List<RoutingListener> recorders = new ArrayList<>();
    RoutingPlan plan;
    final Set<IdentityKey> linkBy = EnumSet.noneOf(IdentityKey.class);
    boolean oneConversationPerCustomer;
    long maxCustomers = 100_000;
    Duration customerTtl = Duration.ofDays(30);
    final Map<Priority, Duration> responseDeadlines = new EnumMap<>(Priority.class);
    int maxBounces;
    String reviewQueue;
    StateSnapshot restoreFrom;
    StartingState.Resumed resumed;

    void restoreFrom(StateSnapshot snapshot) {
        Checks.notNull(snapshot, "snapshot");
        if (restoreFrom != null) {
            throw new IllegalStateException("the router is already restored from a snapshot");
        }
        restoreFrom = snapshot;
    }

    void resume(List<Placement.Owned> owned, List<WaitingConversation> waiting) {
        if (resumed != null) {
            throw new IllegalStateException("the router already resumes conversations");
        }
        resumed = new StartingState.Resumed(owned, waiting);
    }

    /** The initial roster, in roster order. */
    Map<Owner, Presence> initialRoster() {
        Map<Owner, Presence> initial = new LinkedHashMap<>();
        roster.values().forEach(entry -> initial.put(entry.owner(), entry.presence()));
        return initial;
    }

    void addOwner(Owner owner, Presence presence) {
        Checks.notNull(owner, "owner");
        Checks.notNull(presence, "presence of owner '" + owner.id() + "'");
        if (roster.putIfAbsent(owner.id(), new RosterEntry(owner, presence)) != null) {
            throw new IllegalArgumentException("owner id '" + owner.id() + "' is on the roster twice");
        }
    }

    /** Adds owners, all {@link Presence#ONLINE}, or none of them when one is refused. */
    void addOwners(Iterable<Owner> owners) {
        Checks.notNull(owners, "owners");
        Map<String, RosterEntry> added = new LinkedHashMap<>();
        for (Owner owner : owners) {
            Checks.notNull(owner, "owner");
            RosterEntry entry = new RosterEntry(owner, Presence.ONLINE);
            if (roster.containsKey(owner.id()) || added.put(owner.id(), entry) != null) {
                throw new IllegalArgumentException("owner id '" + owner.id() + "' is on the roster twice");
            }
        }
        roster.putAll(added);
    }

    /** The initial roster's presences, in roster order, as the router's recorders receive them. */
    Map<String, Presence> presences() {
        Map<String, Presence> presences = new LinkedHashMap<>();
        roster.forEach((id, entry) -> presences.put(id, entry.presence()));
        return presences;
    }

    void addSteps(Strategy... steps) {
        Checks.notNull(steps, "steps");
        for (Strategy step : steps) {
            Checks.notNull(step, "chain step");
        }
        chain.addAll(List.of(steps));
    }

    void addQueue(String name, Duration sla) {
        QueueSpec spec = new QueueSpec(name, sla);
        if (queues.putIfAbsent(name, spec) != null) {
            throw new IllegalArgumentException("queue '" + name + "' is declared twice");
        }
    }

    void fallbackQueue(String name, Duration sla) {
        if (fallbackQueueName != null) {
            throw new IllegalStateException("the fallback queue is already '" + fallbackQueueName + "'");
        }
        addQueue(name, sla);
        fallbackQueueName = name;
    }

    void linkBy(IdentityKey... keys) {
        for (IdentityKey key : Checks.notNull(keys, "keys")) {
            Checks.notNull(key, "identity key");
        }
        linkBy.addAll(List.of(keys));
    }

    void customerMemory(long maxCustomers, Duration ttl) {
        if (maxCustomers <= 0) {
            throw new IllegalArgumentException("maxCustomers must be positive, was " + maxCustomers);
        }
        this.customerTtl = Checks.positive(ttl, "customer memory ttl");
        this.maxCustomers = maxCustomers;
    }

    /**
     * The plan to route by: the one set, or else the plan of one rule that takes every conversation through the chain
     * to the fallback queue.
     *
     * @throws IllegalStateException when the options set do not go together
     */
    RoutingPlan routingPlan() {
        if (!responseDeadlines.isEmpty() && reviewQueue == null) {
            throw new IllegalStateException("response deadlines need a review queue: call"
                    + " responseReview(maxBounces, queue)");
        }
        if (plan != null) {
            if (!chain.isEmpty() || !queues.isEmpty()) {
                throw new IllegalStateException("a router routes by plan(...) or by chain(...) with its queues,"
                        + " not both");
            }
            return plan;
        }
        if (fallbackQueueName == null) {
            throw new IllegalStateException("a fallback queue is required: call fallbackQueue(name, sla), or route"
                    + " by plan(...)");
        }
        Rule everything = new Rule(DEFAULT_RULE, List.of(), Set.of(), chain, fallbackQueueName, "",
                Optional.empty(), Rule.AfterHours.HOLD, Set.of());
        return new RoutingPlan(List.copyOf(queues.values()), List.of(everything));
    }
}

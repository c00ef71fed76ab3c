package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes conversations to owners by a {@link RoutingPlan}, ordered rules each with a fallback chain of strategies,
 * over live state it keeps in a store ({@link Builder#liveState}; by default in this JVM's memory): presence, loads,
 * ownership, the waiting queues, which identities are one customer, and the timers. A router built on a store that
 * already holds state (a shared one, or a {@link Builder#restoreFrom snapshot}) carries on from it.
 *
 * <p>Every operation is atomic, so an owner's load never exceeds its capacity and every open conversation is in
 * exactly one place (owned by one owner, or waiting in one queue) however many threads call the router. Most
 * operations hold the router's lock exclusively. Routes that assign and releases of owned conversations run on several
 * threads at once when nothing needs them serialised (no identity linking or joining, no response deadlines;
 * listeners get their events in each owner's and each conversation's order): each decision is made on the live state
 * and committed atomically per owner, re-checking the chosen owner's room under that owner's own lock and that the
 * cursors it read did not move; a conversation that must wait is decided again under the exclusive lock. With a
 * recorder, decisions still run at once, but they commit one at a time, each only if nothing changed since it was
 * decided, so the log's order is an order in which a replay makes the same decisions. Queries ({@link #roster}, {@link #ownerStatus},
 * {@link #placement}, {@link #waiting}, {@link #stats}) never take the lock exclusively: they run beside those routes
 * and releases and see each owner and conversation whole. Strategies only decide; the router reserves capacity, queues,
 * and publishes events to listeners after the state has changed.
 *
 * <p>A conversation that no step of its rule's chain can place waits in the rule's queue, and such queues are
 * drained through the plan whenever one of the rule's owners gets room: a release, a transfer away, an owner coming
 * online, joining, or getting more capacity. A drain offers the conversations of all the queues that owner serves
 * as one, in serve order (priority, then VIP, then age, with {@link Builder#priorityAging aging}): the order of
 * {@link #waiting()}. Time-based work (response deadlines, SLA breaches, offline grace periods, owners' working
 * hours and fairness caps, rules' business hours, strategies that wait) happens on {@link #tick()}, which the host
 * calls from its own scheduler, and which offers every queue in the same order; the router starts no threads.
 *
 * <p>What the router does when something misbehaves:
 * <ul>
 *   <li>A chain step that throws (anything), returns null, assigns an owner who cannot take the conversation, or
 *       names a queue the plan does not declare is skipped: the trace records it as a pass with
 *       {@link PassReason#FAULTY_STEP} and what it did, it is logged once at WARN, and the next step decides, or
 *       the conversation waits in the rule's queue. No call fails after it took effect because of a step.
 *   <li>Whatever a listener or recorder throws, an {@link Error} included, is logged and ignored: the call has
 *       returned, and the others still receive the event.
 *   <li>A call to the router from a thread that is inside one of the router's own calls (a strategy deciding, or
 *       code it calls) is re-entrant, and refused with an {@link IllegalStateException} before anything changes.
 *       Listeners are called after the router lets go of its lock, so calls from listeners are not re-entrant.
 *   <li>The router's time never goes backwards: it is the later of the clock's instant and the latest instant the
 *       router has used, so while the clock is behind (set back) no time passes, and events stay in time order. The
 *       router logs a WARN when the clock falls behind, and each time it goes back again while behind.
 * </ul>
 *
 * <p>Identities on different channels can be linked into one customer, who then shares one memory of its previous
 * owner; with {@link Builder#oneConversationPerCustomer}, the customer also has at most one open conversation: a
 * new conversation from a customer who already has one open (under any linked identity) joins it
 * ({@link Decision.Joined}) instead of being routed a second time.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *         .owner(Owner.agent("ana").capacity(3).build())
 *         .chain(new LeastLoaded())
 *         .fallbackQueue("waiting", Duration.ofMinutes(15))
 *         .build();
 * Decision decision = router.route(conversation);
 * }</pre>
 */
public final class Router {

    private final Routes routes;
    private final Handovers handovers;
    private final Identities identities;
    private final Reconfiguration reconfiguration;
    private final Timers timers;
    private final Queries queries;

    /** Opens the live state and wires the parts the router delegates to, each named after what it does. */
    private Router(RouterSettings settings, RoutingPlan routingPlan) {
        RouterClock clock = new RouterClock(settings.clock);
        PlanRunner runner = new PlanRunner(routingPlan);
        Reconfiguration.requireReviewQueue(settings.reviewQueue, routingPlan);
        EventDispatcher events = new EventDispatcher(settings.listeners, settings.recorders);
        Map<Owner, Presence> roster = settings.initialRoster();
        Optional<StateSnapshot> start = StartingState.of(roster, settings.restoreFrom, settings.resumed,
                clock.instantChecked());
        LiveState state = Checks.notNull(settings.liveState.open(new LiveStateSettings(clock, settings.serveOrder,
                settings.maxCustomers, settings.customerTtl, settings.oneConversationPerCustomer, settings.wrapUp)),
                "liveState");
        Offers offers = new Offers(state, events);
        Counters counters = new Counters();
        Settler settler = new Settler(state, events, offers, counters, settings.responseDeadlines, runner);
        Drains drains = new Drains(state, settler, offers, events, counters, settings.maxBounces);
        Overflows overflows = new Overflows(state, events, settler, counters);
        RouterLock lock = new RouterLock(clock, events);
        this.timers = new Timers(lock, state, settler, drains, offers, overflows, events, counters,
                settings.offlinePolicy, settings.maxBounces, settings.reviewQueue);
        this.identities = new Identities(lock, state, drains, offers, events, counters, settings.linkBy,
                settings.oneConversationPerCustomer);
        boolean concurrent = settings.linkBy.isEmpty() && !settings.oneConversationPerCustomer
                && settings.responseDeadlines.isEmpty();
        this.routes = new Routes(lock, clock, state, settler, drains, identities, offers, overflows, events,
                counters, concurrent);
        this.handovers = new Handovers(lock, state, settler, drains, offers, events, counters);
        this.reconfiguration = new Reconfiguration(lock, state, settler, drains, events, settings.offlinePolicy,
                settings.reviewQueue);
        this.queries = new Queries(lock, clock, state, settler, counters);
        start.ifPresentOrElse(state::restore, () -> roster.forEach(state::addOwner));
        if (settings.restoreFrom == null) {
            StateChecks.requireRuleOwners(state, routingPlan);
        }
        lock.record(clock.instantChecked(), new RouterInput.Roster(settings.presences()));
    }

    /** A builder with every option at its default. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------- routing

    /**
     * Routes a conversation by the plan: assigns it, queues it, or rejects it, and says why. A conversation that is
     * already open is not routed again: the answer is where it already is. When the router links identities by
     * attributes, the conversation's {@code email} or {@code phone} first links its customer to the others that
     * carried the same value; with one conversation per customer, a conversation from a customer who already has an
     * open conversation joins that one.
     */
    public Decision route(Conversation conversation) {
        Checks.notNull(conversation, "conversation");
        return routes.route(conversation);
    }

    /**
     * Marks an open conversation resolved (by its id or the id of one that joined it): it leaves its owner or queue,
     * and freed capacity drains the queues.
     */
    public void release(String conversationId) {
        Checks.id(conversationId, "conversationId");
        routes.release(conversationId);
    }

    /**
     * Hands an owned conversation to another owner with a note. The new owner must be on the roster, able to receive
     * work and have free capacity on the conversation's channel. Counted as a reroute.
     *
     * @throws IllegalArgumentException for an unknown conversation or owner, a waiting conversation, or a
     *     transfer to the current owner
     * @throws IllegalStateException when the new owner is away, offline or has no free capacity
     */
    public Decision.Assigned transfer(String conversationId, String toOwnerId, Handoff handoff) {
        Checks.id(conversationId, "conversationId");
        Checks.id(toOwnerId, "toOwnerId");
        Checks.notNull(handoff, "handoff");
        return handovers.transfer(conversationId, toOwnerId, handoff);
    }

    /**
     * An owner takes a waiting conversation for itself. Atomic: when several owners claim the same conversation at
     * once, exactly one gets {@link Decision.Assigned} and the others {@link Decision.Rejected} saying who has it.
     * A claim needs the owner to be able to receive work and to have free capacity.
     */
    public Decision claim(String ownerId, String conversationId) {
        Checks.id(ownerId, "ownerId");
        Checks.id(conversationId, "conversationId");
        return handovers.claim(ownerId, conversationId);
    }

    /**
     * Reports an owned conversation's first reply from its owner, which stops its response deadline (see
     * {@link Builder#responseDeadline}). Acknowledging again, or a conversation without a deadline, does nothing.
     *
     * @throws IllegalArgumentException for a conversation that is not open, or waits in a queue
     */
    public void acknowledge(String conversationId) {
        Checks.id(conversationId, "conversationId");
        handovers.acknowledge(conversationId);
    }

    // ------------------------------------------------------------------------------------------- offers

    /**
     * An owner accepts a conversation offered to it (see {@link OfferPolicy}): it becomes the owner's, and the offers
     * to other owners are withdrawn. Atomic: when several owners accept the same conversation at once, exactly one
     * gets it and the others are refused.
     *
     * @throws IllegalArgumentException for an unknown owner or a conversation that is not open
     * @throws IllegalStateException when the conversation is not offered to this owner (any more): it was already
     *     accepted, by this owner or another, it waits in a queue, or the offer was declined, expired or withdrawn
     */
    public Decision.Assigned accept(String ownerId, String conversationId) {
        Checks.id(ownerId, "ownerId");
        Checks.id(conversationId, "conversationId");
        return handovers.accept(ownerId, conversationId);
    }

    /**
     * An owner declines a conversation offered to it, saying why (may be empty). While the conversation is offered to
     * others, it waits for them; otherwise it is decided again without this owner (or goes to review once its rule's
     * {@link OfferPolicy} says so), and the answer is where it went.
     *
     * @throws IllegalArgumentException for an unknown owner or a conversation that is not open
     * @throws IllegalStateException when the conversation is not offered to this owner (any more)
     */
    public Decision decline(String ownerId, String conversationId, String reason) {
        Checks.id(ownerId, "ownerId");
        Checks.id(conversationId, "conversationId");
        Checks.notNull(reason, "reason");
        return handovers.decline(ownerId, conversationId, reason);
    }

    // ------------------------------------------------------------------------------------------- customers

    /**
     * Makes two identities of a customer (an email address, a WhatsApp number, an Instagram handle, each as the
     * {@code customerId} of its conversations) one customer, with one memory of its previous owner. With one
     * conversation per customer, it then has one owner and one place in the queues: if both already had an open
     * conversation, they are merged at once, keeping the owned one (or else the older), which the other joins,
     * leaving its owner or queue.
     */
    public void link(String identity, String otherIdentity) {
        Checks.id(identity, "identity");
        Checks.id(otherIdentity, "otherIdentity");
        identities.link(identity, otherIdentity);
    }

    /** The customer an identity belongs to: of linked identities, the one the router saw first. */
    public String customerOf(String identity) {
        Checks.id(identity, "identity");
        return identities.customerOf(identity);
    }

    // ------------------------------------------------------------------------------------------- the plan

    /**
     * Replaces the routing plan, atomically: every later decision follows the new rules. Who owns what is kept;
     * conversations that wait are decided again under the new plan at once, so they may be assigned, or move to
     * another queue (a conversation held in a queue the new plan no longer declares moves to its rule's queue).
     * The roster is live state and is not part of a plan: add and remove owners as they come and go.
     */
    public void replacePlan(RoutingPlan newPlan) {
        Checks.notNull(newPlan, "plan");
        reconfiguration.replacePlan(newPlan);
    }

    /** The routing plan in force. */
    public RoutingPlan plan() {
        return queries.plan();
    }

    // ------------------------------------------------------------------------------------------- the roster

    /** Changes an owner's presence. Going offline re-routes its conversations per the {@link OfflinePolicy}. */
    public void setPresence(String ownerId, Presence presence) {
        Checks.id(ownerId, "ownerId");
        Checks.notNull(presence, "presence");
        reconfiguration.setPresence(ownerId, presence);
    }

    /**
     * Changes an owner's capacity. Lowering it below the current load keeps the conversations the owner has; it
     * gets no new ones until its load is below the new capacity.
     */
    public void setCapacity(String ownerId, Capacity capacity) {
        Checks.id(ownerId, "ownerId");
        Checks.notNull(capacity, "capacity");
        reconfiguration.setCapacity(ownerId, capacity);
    }

    /**
     * Changes an owner's total capacity, keeping its per-channel limits, as {@link #setCapacity(String, Capacity)}
     * does; a negative total is refused naming the owner.
     */
    public void setCapacity(String ownerId, int total) {
        Checks.id(ownerId, "ownerId");
        Checks.nonNegative(total, "capacity of owner '" + ownerId + "'");
        reconfiguration.setCapacity(ownerId, total);
    }

    /** Adds an owner to the roster, {@link Presence#ONLINE}. */
    public void addOwner(Owner owner) {
        addOwner(owner, Presence.ONLINE);
    }

    /** Adds an owner to the roster with the given presence. */
    public void addOwner(Owner owner, Presence presence) {
        Checks.notNull(owner, "owner");
        Checks.notNull(presence, "presence");
        reconfiguration.addOwner(owner, presence);
    }

    /** Removes an owner from the roster; its open conversations are re-routed at once. */
    public void removeOwner(String ownerId) {
        Checks.id(ownerId, "ownerId");
        reconfiguration.removeOwner(ownerId);
    }

    // ------------------------------------------------------------------------------------------- time

    /**
     * Does the work that is due by the clock: re-routes conversations of owners offline past the grace period,
     * takes back conversations whose owner did not reply by the response deadline, takes back expired offers and
     * decides those conversations again without the owners who let them expire, reports SLA breaches (once each),
     * and drains the queues, so that strategies that wait decide again, and owners whose working hours began, whose
     * {@link AssignmentCap} window slid, whose wrap-up ended or whose {@link DailyCap} day began get work. Call it
     * from the host's scheduler, every few seconds; the router starts no threads.
     */
    public void tick() {
        timers.tick();
    }

    // ------------------------------------------------------------------------------------------- queries

    /** Where an open conversation is; empty if it is not open (never routed, released or rejected). */
    public Optional<Placement> placement(String conversationId) {
        Checks.id(conversationId, "conversationId");
        return queries.placement(conversationId);
    }

    /** One owner's live state. */
    public OwnerStatus ownerStatus(String ownerId) {
        Checks.id(ownerId, "ownerId");
        return queries.ownerStatus(ownerId);
    }

    /** Every owner's live state, in roster order, as one consistent snapshot. */
    public List<OwnerStatus> roster() {
        return queries.roster();
    }

    /** Every waiting conversation, in the order they will be served. */
    public List<WaitingConversation> waiting() {
        return queries.waiting();
    }

    /**
     * The waiting conversations whose SLA deadline is at most {@code within} from now, those already breached
     * included, earliest deadline first (ties in serve order). Any {@code within}, however long, is accepted: a
     * horizon past every deadline lists every waiting conversation.
     */
    public List<WaitingConversation> atRisk(Duration within) {
        Checks.notNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("within must not be negative, was " + within);
        }
        return queries.atRisk(within);
    }

    /**
     * Everything the router's store holds now, taken under the router's exclusive lock so that it is consistent: a
     * router built from it ({@link Builder#restoreFrom}) carries on exactly where this one is. The counters of
     * {@link #stats()} are not part of it.
     */
    public StateSnapshot snapshot() {
        return queries.snapshot();
    }

    /** Counters since the router was built. */
    public RouterStats stats() {
        return queries.stats();
    }

    /**
     * Builds a {@link Router}. Its routing is either a {@link #plan(RoutingPlan) plan} of rules, or, as a shortcut for
     * a plan of one rule that takes every conversation, a {@link #chain chain} with its queues and a required
     * {@link #fallbackQueue fallback queue}. The chain's steps are tried in the order given: {@code chain(a, b, c)}
     * tries {@code a} first. Every option is checked when set.
     */
    public static final class Builder extends RouterOptions {

        private Builder() {}

        /** Builds the router; the builder stays usable and unchanged. */
        public Router build() {
            return new Router(settings, settings.routingPlan());
        }
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateFactory;
import dev.switchboard.routing.state.ServeOrder;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * The options of a {@link Router.Builder}, each checked when set and kept in its {@link RouterSettings}: apart from
 * the builder itself, so that the router's facade stays a page a newcomer reads whole.
 */
abstract sealed class RouterOptions permits Router.Builder {

    final RouterSettings settings = new RouterSettings();

    private Router.Builder self() {
        return (Router.Builder) this;
    }

    /**
     * The source of time for every decision, timer and event (default: the system UTC clock). Its readings must be
     * within {@link Bounds}: a call made while it reads outside them is refused before anything changes. If it
     * goes backwards, the router treats that as no time passing until it catches up (see {@link Router}).
     */
    public Router.Builder clock(InstantSource value) {
        settings.clock = Checks.notNull(value, "clock");
        return self();
    }

    /** Adds an owner to the initial roster, {@link Presence#ONLINE}. */
    public Router.Builder owner(Owner owner) {
        return owner(owner, Presence.ONLINE);
    }

    /** Adds an owner to the initial roster with the given presence. */
    public Router.Builder owner(Owner owner, Presence presence) {
        settings.addOwner(owner, presence);
        return self();
    }

    /** Adds owners to the initial roster, all {@link Presence#ONLINE}. */
    public Router.Builder owners(Iterable<Owner> owners) {
        settings.addOwners(owners);
        return self();
    }

    /**
     * Routes every conversation by one rule: these steps, tried in the order given (appended to those set so
     * far), then the {@link #fallbackQueue fallback queue}.
     */
    public Router.Builder chain(Strategy... steps) {
        settings.addSteps(steps);
        return self();
    }

    /** Declares a queue that chain steps may send conversations to. */
    public Router.Builder queue(String name, Duration sla) {
        settings.addQueue(name, sla);
        return self();
    }

    /** Declares the queue where conversations wait when no step of the {@link #chain chain} can place them. */
    public Router.Builder fallbackQueue(String name, Duration sla) {
        settings.fallbackQueue(name, sla);
        return self();
    }

    /**
     * Routes by a plan of rules, which declares its own queues; instead of {@link #chain}, {@link #queue} and
     * {@link #fallbackQueue}.
     */
    public Router.Builder plan(RoutingPlan value) {
        settings.plan = Checks.notNull(value, "plan");
        return self();
    }

    /**
     * Links the customers of conversations that carry the same value of these attributes (for example the same
     * email address on a web form and on an email), so they have one owner and one place in the queues
     * (default: none; identities are then linked only by {@link Router#link}).
     */
    public Router.Builder linkIdentitiesBy(IdentityKey... keys) {
        settings.linkBy(keys);
        return self();
    }

    /**
     * Whether each customer has at most one open conversation (default: no, each conversation is routed on its
     * own). When it does, a new conversation from a customer who already has one open, under any linked
     * identity, joins it ({@link Decision.Joined}) instead of being routed, and linking two customers who both
     * have one open merges them; so the customer has one owner and one place in the queues, whatever the
     * channel.
     */
    public Router.Builder oneConversationPerCustomer(boolean value) {
        settings.oneConversationPerCustomer = value;
        return self();
    }

    /** What happens to the conversations of an owner who goes offline (default: re-routed at once). */
    public Router.Builder offlinePolicy(OfflinePolicy value) {
        settings.offlinePolicy = Checks.notNull(value, "offlinePolicy");
        return self();
    }

    /**
     * Keeps the router's live state in the store {@code factory} makes (see {@link LiveState}); by default, in
     * this JVM's memory ({@link InMemoryLiveState}). A store that several routers share (such as
     * {@code routing-redis}) lets several instances of a host route as one, and one that already holds state lets
     * a router carry on from it.
     */
    public Router.Builder liveState(LiveStateFactory factory) {
        settings.liveState = Checks.notNull(factory, "liveState");
        return self();
    }

    /**
     * Ages waiting conversations: each full {@code step} a conversation has waited raises its priority by one
     * level when capacity is handed out, so low-priority work is never starved (default: no aging). The step is
     * positive and at most {@link Bounds#MAX_DURATION}.
     */
    public Router.Builder priorityAging(Duration step) {
        settings.serveOrder = new ServeOrder(Checks.positive(step, "priority aging step"),
                settings.serveOrder.byLastActivity());
        return self();
    }

    /**
     * Gives every assignment of a conversation of this priority (routed, drained, claimed or transferred) a
     * deadline for its owner's first reply, which the host reports with {@link Router#acknowledge}. On the first
     * {@link Router#tick tick} at or after a deadline that passed without a reply, the conversation is taken back
     * and routed again, never to an owner who let one of its deadlines lapse. Needs {@link #responseReview}. The
     * deadline is positive and at most {@link Bounds#MAX_DURATION}.
     */
    public Router.Builder responseDeadline(Priority priority, Duration deadline) {
        Checks.notNull(priority, "priority");
        Duration checked = Checks.positive(deadline, "response deadline of priority " + priority);
        settings.responseDeadlines.put(priority, checked);
        return self();
    }

    /**
     * Where a conversation goes when a response deadline lapses after it was already routed again
     * {@code maxBounces} times: a queue the plan declares, where it waits to be claimed and is not routed
     * automatically again.
     */
    public Router.Builder responseReview(int maxBounces, String queue) {
        Checks.nonNegative(maxBounces, "maxBounces");
        settings.reviewQueue = Checks.id(queue, "review queue");
        settings.maxBounces = maxBounces;
        return self();
    }

    /**
     * Serves waiting conversations of the same priority by their last activity, oldest first (Chatwoot's
     * "longest waiting"), instead of by their creation; with {@link #priorityAging}, aging counts from the last
     * activity too. Default: by creation.
     */
    public Router.Builder serveByLastActivity(boolean value) {
        settings.serveOrder = new ServeOrder(settings.serveOrder.agingStep(), value);
        return self();
    }

    /**
     * How long an owner is given no work automatically after each release (its wrap-up time), unless it has a
     * wrap-up time of its own ({@link Owner.Builder#wrapUp}); zero, the default, for none. Meanwhile it counts as
     * held back, with the reason in traces, and may still claim and receive transfers; the first
     * {@link Router#tick tick} after the wrap-up ends drains the queues to it.
     */
    public Router.Builder wrapUp(Duration time) {
        settings.wrapUp = Checks.nonNegative(time, "wrapUp");
        return self();
    }

    /**
     * Adds a listener for the router's events, delivered after the state changed, in order and numbered (see
     * {@link RoutingListener#onEvent(RoutingEvent, long)}); whatever it throws is logged and ignored.
     */
    public Router.Builder listener(RoutingListener listener) {
        settings.listeners.add(Checks.notNull(listener, "listener"));
        return self();
    }

    /**
     * Adds a recorder: a listener that, besides every event, receives each call that may change the router's
     * state as a {@link RoutingEvent.Input}, with the clock's instant, before the events the call causes (first
     * the {@link RouterInput.Roster roster} the router was built with). Replaying the inputs in order on a
     * {@link ManualClock} set to each instant makes the same calls again. Like a listener, a recorder that
     * throws never stops routing.
     */
    public Router.Builder recorder(RoutingListener recorder) {
        settings.recorders.add(Checks.notNull(recorder, "recorder"));
        return self();
    }

    /**
     * Bounds the memory of which owner last served each customer (used by sticky routing): at most
     * {@code maxCustomers} customers, each forgotten {@code ttl} (at most {@link Bounds#MAX_DURATION}) after its
     * last assignment. When one more customer is served than it may hold, the customer served longest ago is
     * forgotten.
     */
    public Router.Builder customerMemory(long maxCustomers, Duration ttl) {
        settings.customerMemory(maxCustomers, ttl);
        return self();
    }

    /**
     * Starts the router from a snapshot of a router's live state ({@link Router#snapshot()}), which holds its
     * roster, conversations, queues, cursors, customer memory and timers: it carries on exactly as that router
     * would have. Instead of adding owners and {@link #resume resuming} conversations; the plan and settings are
     * still the builder's. The plan's rules may name owners who are not on the snapshot's roster: as on the
     * router that took it, where {@link Router#removeOwner} lets a rule's owner leave.
     */
    public Router.Builder restoreFrom(StateSnapshot snapshot) {
        settings.restoreFrom(snapshot);
        return self();
    }

    /**
     * Starts the router with the conversations a host's own database says are open: {@code owned} by owners of
     * the roster (each owner's oldest assignment first), each remembered as its customer's previous owner, and
     * {@code waiting} in their queues. Checked whole when the router is built: an owner not on the roster, an
     * owner given more than its capacity (in total or on a channel) or a conversation given twice is refused,
     * and no router is built. Response deadlines are not started for resumed conversations.
     */
    public Router.Builder resume(List<Placement.Owned> owned, List<WaitingConversation> waiting) {
        settings.resume(owned, waiting);
        return self();
    }
}

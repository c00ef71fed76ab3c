package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveView;
import dev.switchboard.routing.state.Released;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Routes and releases, the router's hot paths: under the shared lock when nothing needs them serialised, committing
 * through the {@link LiveView} atomically per owner, and under the exclusive lock for everything else (a conversation
 * already open, one that joins its customer's, one that must wait, a drain).
 */
final class Routes {

    private static final String ALREADY_OPEN = "already-open";
    /** How many times a route under the shared lock decides again when its commit finds that something moved. */
    private static final int SHARED_ATTEMPTS = 4;
    /** How many places a release follows a conversation to when other routers sharing the store move it meanwhile. */
    private static final int RELEASE_ATTEMPTS = 4;
    /** How long a thread waits for its turn to decide on a store that decides one at a time. */
    private static final long TURN_WAIT_MILLIS = 200;

    private final RouterLock lock;
    private final RouterClock clock;
    private final LiveState state;
    private final Settler settler;
    private final Drains drains;
    private final Identities identities;
    private final Offers offers;
    private final Overflows overflows;
    private final EventDispatcher events;
    private final Counters counters;
    /** Locks by owner, for commits and releases on the shared path while someone listens. */
    private final LockStripes stripes = new LockStripes();
    /**
     * Whether routes and releases may run at once under the shared lock: when no identities are linked by attributes
     * or joined per customer, and no response deadlines are kept. Then a route that assigns and a release of an owned
     * conversation change only what {@link LiveState} changes atomically per owner and per conversation, and
     * listeners get their events in each owner's order (see {@link LockStripes}); anything else they meet (a
     * conversation already placed, one that must wait, a drain) is done again under the exclusive lock. While someone
     * records, a recording must replay in its one order, and commits to different owners have none: they then commit
     * one at a time through the journal (see {@link RouterLock#journalled}), each only if nothing changed since it
     * decided, and a release that a drain would follow is done under the exclusive lock.
     */
    private final boolean concurrent;
    /** The store when it is the embedded one, whose release the shared path makes without building an answer. */
    private final InMemoryLiveState embedded;
    /** Held by the shared path's decision and commit when the store decides one at a time, else null. */
    private final ReentrantLock deciding;

    Routes(RouterLock lock, RouterClock clock, LiveState state, Settler settler, Drains drains, Identities identities,
            Offers offers, Overflows overflows, EventDispatcher events, Counters counters, boolean concurrent) {
        this.lock = lock;
        this.clock = clock;
        this.state = state;
        this.settler = settler;
        this.drains = drains;
        this.identities = identities;
        this.offers = offers;
        this.overflows = overflows;
        this.events = events;
        this.counters = counters;
        this.concurrent = concurrent;
        this.embedded = state instanceof InMemoryLiveState memory ? memory : null;
        this.deciding = state.decidesOneAtATime() ? new ReentrantLock() : null;
    }

    /** See {@link Router#route}. */
    Decision route(Conversation conversation) {
        if (concurrent) {
            Decision decision = routeShared(conversation);
            if (decision != null) {
                return decision;
            }
        }
        lock.lockExclusively(); // the hot path locks without a lambda: it allocates nothing it does not need
        try {
            Instant now = clock.instantChecked();
            lock.record(now, new RouterInput.Route(conversation));
            String id = conversation.id();
            Optional<Placement> placement = state.placement(id);
            if (placement.isPresent()) {
                return describe(id, placement.get());
            }
            Optional<Decision.Joined> joined = identities.join(conversation, now);
            if (joined.isPresent()) {
                return joined.get();
            }
            Decision decision = overflows.routed(settler.plan(), settler.settle(conversation, now, Optional.empty()),
                    now);
            counters.routed.increment();
            return decision;
        } finally {
            lock.unlockExclusively();
        }
    }

    /**
     * Routes a new conversation under the shared lock, when a strategy assigns it and the assignment commits (see
     * {@link LiveView#commit}); null when the exclusive path must do it: the conversation is already placed, no step
     * assigned it, or other threads kept changing what the decision read. It decides first: every commit refuses a
     * conversation placed meanwhile, so where it is is asked only after a refusal, and a new conversation costs its
     * decision and its commit alone.
     */
    private Decision routeShared(Conversation conversation) {
        lock.lockShared();
        try {
            boolean turn = deciding != null && awaitTurn();
            try {
                return assignShared(conversation);
            } finally {
                if (turn) {
                    deciding.unlock();
                }
            }
        } finally {
            lock.unlockShared();
            events.deliverPending();
        }
    }

    /**
     * Waits for this thread's turn to decide, at most {@link #TURN_WAIT_MILLIS}: a turn lasts a decision and its commit
     * (one round trip), so the wait is short, unless a store call hangs (Redis unreachable); then the threads decide
     * at once rather than queue behind it, each failing as fast as its own call. False when it decides without a turn.
     */
    private boolean awaitTurn() {
        try {
            return deciding.tryLock(TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The shared path's decisions and commits, under the shared lock (see {@link #routeShared}). */
    private Decision assignShared(Conversation conversation) {
        String id = conversation.id();
        for (int attempt = 0; attempt < SHARED_ATTEMPTS; attempt++) {
            long seen = lock.changes(); // before the clock: see RouterLock.journalled
            Instant now = clock.instant();
            PlanRunner.Decided decided = settler.plan().decide(conversation, now, state);
            if (!(decided.verdict() instanceof Verdict.Assign assign) || decided.rule().offer().isPresent()) {
                return null;
            }
            Trace trace = decided.trace();
            if (commitShared(decided.view(), assign, conversation, trace, now, seen)) {
                counters.routed.increment();
                counters.assigned.increment();
                FallbackChain.logFaults(conversation, trace);
                return new Decision.Assigned(id, assign.ownerId(), trace.decisive().strategy(), trace);
            }
            if (state.placement(id).isPresent()) {
                return null; // placed already, or meanwhile by another thread: the exclusive path says where
            }
            counters.retried.increment();
        }
        return null; // contended
    }

    /**
     * Commits a shared-path assignment; when someone listens, under the owner's stripe together with the publication
     * of its event, so that the events' order is the order of the owner's changes; when someone records, through the
     * journal, with the call journalled before its event, if nothing changed since the decision read {@code seen}.
     */
    private boolean commitShared(LiveView view, Verdict.Assign assign, Conversation conversation, Trace trace,
            Instant now, long seen) {
        if (!events.listening()) {
            return view.commit(assign);
        }
        if (events.recording()) {
            return lock.journalled(seen, () -> {
                if (!view.commit(assign)) {
                    return false;
                }
                lock.record(now, new RouterInput.Route(conversation));
                publishAssigned(assign, conversation, trace, now);
                return true;
            });
        }
        synchronized (stripes.of(assign.ownerId())) {
            if (!view.commit(assign)) {
                return false;
            }
            publishAssigned(assign, conversation, trace, now);
            return true;
        }
    }

    private void publishAssigned(Verdict.Assign assign, Conversation conversation, Trace trace, Instant now) {
        events.publish(new RoutingEvent.Assigned(now, conversation, assign.ownerId(), trace.decisive().strategy(),
                trace));
    }

    private void publishReleased(Placement.Owned owned, Instant now) {
        events.publish(new RoutingEvent.Released(now, owned.conversation(), owned.ownerId()));
    }

    /** See {@link Router#release}. */
    void release(String conversationId) {
        if (concurrent && releaseShared(conversationId)) {
            return;
        }
        lock.lockExclusively(); // the hot path locks without a lambda, as route does
        try {
            Instant now = clock.instantChecked();
            lock.record(now, new RouterInput.Release(conversationId));
            Placement placement = StateChecks.openPlacement(state, conversationId);
            for (int attempt = 1; !releaseFrom(placement, now); attempt++) {
                if (attempt == RELEASE_ATTEMPTS) {
                    throw new IllegalStateException("conversation '" + conversationId + "' kept moving while it was"
                            + " released, last " + placement);
                }
                placement = StateChecks.openPlacement(state, conversationId); // released from where it is now
            }
        } finally {
            lock.unlockExclusively();
        }
    }

    /**
     * Releases a conversation from the place it was read in; false, with nothing changed, when another router sharing
     * the store moved it after it was read.
     */
    private boolean releaseFrom(Placement placement, Instant now) {
        String id = placement.conversation().id();
        if (placement instanceof Placement.Owned owned) {
            if (unlessMoved(placement, () -> state.release(id, now)) == null) {
                return false;
            }
            state.forget(id);
            counters.released.increment();
            if (events.listening()) {
                publishReleased(owned, now);
            }
            drains.drainFor(owned.ownerId(), now);
        } else if (placement instanceof Placement.Offered offer) {
            offers.withdrawAll(offer, "the conversation was released", now);
            state.forget(id);
            counters.released.increment();
            events.publish(new RoutingEvent.Released(now, offer.conversation(), Offers.STEP));
            offer.ownerIds().forEach(ownerId -> drains.drainFor(ownerId, now));
        } else {
            // a shared store may hold the dequeue pending and make it with its next call, here forget
            WaitingConversation entry = unlessMoved(placement, () -> {
                WaitingConversation dequeued = state.dequeue(id);
                state.forget(id);
                return dequeued;
            });
            if (entry == null) {
                return false;
            }
            counters.released.increment();
            events.publish(new RoutingEvent.Released(now, entry.conversation(), entry.queue()));
        }
        return true;
    }

    /**
     * A store call's answer, or null when the store refused it (with nothing changed, as it refuses the release of a
     * conversation no longer owned, or the dequeue of one no longer waiting) because the conversation is no longer
     * where it was read: another router sharing the store moved it.
     */
    private <T> T unlessMoved(Placement placement, Supplier<T> storeCall) {
        try {
            return storeCall.get();
        } catch (IllegalStateException refused) {
            if (state.placement(placement.conversation().id()).filter(placement::equals).isPresent()) {
                throw refused; // it is where it was read: the refusal is not another router's doing
            }
            return null;
        }
    }

    /**
     * Releases an owned conversation under the shared lock (see {@link LiveState#releaseIfOwned}), then, if
     * conversations wait, drains for its owner under the exclusive lock (conversations are queued only under it, so
     * none can start waiting unseen in between); false when the exclusive path must do it: the conversation is not
     * owned under that id, or left meanwhile.
     */
    private boolean releaseShared(String conversationId) {
        Placement.Owned owned;
        boolean waiting;
        lock.lockShared();
        try {
            long seen = lock.changes(); // before the clock: see RouterLock.journalled
            Instant now = clock.instant();
            if (events.listening() || embedded != null) { // step by step: under the owner's stripe, or in memory
                owned = events.recording() ? releaseJournalled(conversationId, now, seen)
                        : events.listening() ? releaseListened(conversationId, now)
                        : embedded.releaseOwned(conversationId, now);
                waiting = owned != null && state.hasWaiting();
            } else { // one call, a round trip for a remote store
                Optional<Released> released = state.releaseIfOwned(conversationId, now);
                owned = released.isPresent() ? released.get().owned() : null;
                waiting = released.isPresent() && released.get().waiting();
            }
            if (owned == null) {
                return false;
            }
            counters.released.increment();
        } finally {
            lock.unlockShared();
            events.deliverPending();
        }
        if (waiting) {
            String ownerId = owned.ownerId();
            lock.atomically(now -> {
                drains.drainFor(ownerId, now);
                return null;
            });
        }
        return true;
    }

    /**
     * As {@link LiveState#releaseIfOwned}, for a router with listeners: the release and its event under the owner's
     * stripe, so that the events' order is the order of the owner's changes (see {@link #commitShared}); the
     * placement the conversation left, or null when nothing changed.
     */
    private Placement.Owned releaseListened(String conversationId, Instant now) {
        Placement.Owned owned = ownedUnder(conversationId);
        if (owned == null) {
            return null;
        }
        synchronized (stripes.of(owned.ownerId())) {
            if (!state.tryRelease(owned, now)) {
                return null;
            }
            publishReleased(owned, now);
        }
        return owned;
    }

    /**
     * As {@link #releaseListened}, for a router with a recorder: the release, its input and its event through the
     * journal (see {@link #commitShared}); null, for the exclusive path, when conversations wait, as the drain that
     * follows the release must be journalled with it as one call (none can start waiting under the shared lock).
     */
    private Placement.Owned releaseJournalled(String conversationId, Instant now, long seen) {
        Placement.Owned owned = state.hasWaiting() ? null : ownedUnder(conversationId);
        return owned != null && lock.journalled(seen, () -> {
            if (!state.tryRelease(owned, now)) {
                return false;
            }
            lock.record(now, new RouterInput.Release(conversationId));
            publishReleased(owned, now);
            return true;
        }) ? owned : null;
    }

    /** The conversation's place if it is owned under this id (not a name of another it joined); null if not. */
    private Placement.Owned ownedUnder(String conversationId) {
        return state.placement(conversationId).orElse(null) instanceof Placement.Owned owned
                && owned.conversation().id().equals(conversationId) ? owned : null;
    }

    /** Where an open conversation already is, for a second {@code route} of its id or of an id that joined it. */
    private Decision describe(String id, Placement placement) {
        if (!placement.conversation().id().equals(id)) {
            return identities.joined(id, placement);
        }
        if (placement instanceof Placement.Owned owned) {
            return new Decision.Assigned(id, owned.ownerId(), ALREADY_OPEN, Trace.of(ALREADY_OPEN,
                    new Verdict.Assign(owned.ownerId(), "the conversation is already owned", Map.of())));
        }
        if (placement instanceof Placement.Offered offer) {
            return new Decision.Offered(id, offer.ownerIds(), ALREADY_OPEN, offer.expiresAt(), Trace.of(ALREADY_OPEN,
                    Verdict.hold("the conversation is already offered to " + String.join(", ", offer.ownerIds()))));
        }
        WaitingConversation entry = ((Placement.Waiting) placement).entry();
        return new Decision.Queued(id, entry.queue(), entry.reason(), entry.slaDeadline(),
                Trace.of(ALREADY_OPEN, Verdict.enqueue(entry.queue(), "the conversation is already waiting")));
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Instant;

/**
 * Changes to what the router routes with while it runs: the roster (owners joining and leaving, their presence and
 * capacity) and the plan. Each is one atomic call under the router's exclusive lock, and ends with the drains it
 * makes possible; an owner who goes offline or leaves has its conversations taken back (see {@link OfflinePolicy}).
 */
final class Reconfiguration {

    private final RouterLock lock;
    private final LiveState state;
    private final Settler settler;
    private final Drains drains;
    private final EventDispatcher events;
    private final OfflinePolicy offlinePolicy;
    private final String reviewQueue;

    Reconfiguration(RouterLock lock, LiveState state, Settler settler, Drains drains, EventDispatcher events,
            OfflinePolicy offlinePolicy, String reviewQueue) {
        this.lock = lock;
        this.state = state;
        this.settler = settler;
        this.drains = drains;
        this.events = events;
        this.offlinePolicy = offlinePolicy;
        this.reviewQueue = reviewQueue;
    }

    /** See {@link Router#replacePlan}. */
    void replacePlan(RoutingPlan newPlan) {
        requireReviewQueue(reviewQueue, newPlan);
        PlanRunner runner = new PlanRunner(newPlan);
        lock.atomically(now -> {
            StateChecks.requireRuleOwners(state, newPlan);
            lock.record(now, new RouterInput.ReplacePlan(newPlan));
            settler.use(runner);
            drains.drainAll(now);
            return null;
        });
    }

    /** See {@link Router#setPresence}. */
    void setPresence(String ownerId, Presence presence) {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.SetPresence(ownerId, presence));
            Presence before = StateChecks.requireOwner(state, ownerId, "ownerId").presence();
            if (before == presence) {
                return null;
            }
            state.setPresence(ownerId, presence, now);
            events.publish(new RoutingEvent.PresenceChanged(now, ownerId, before, presence));
            if (presence == Presence.OFFLINE && offlinePolicy.grace().isZero()) {
                drains.takeBack(ownerId, "owner " + ownerId + " went offline", now);
            }
            drains.drainFor(ownerId, now);
            return null;
        });
    }

    /** See {@link Router#setCapacity(String, Capacity)}. */
    void setCapacity(String ownerId, Capacity capacity) {
        lock.atomically(now -> changeCapacity(ownerId, capacity, now));
    }

    /** See {@link Router#setCapacity(String, int)}. */
    void setCapacity(String ownerId, int total) {
        lock.atomically(now -> {
            Capacity current = StateChecks.requireOwner(state, ownerId, "ownerId").owner().capacity();
            return changeCapacity(ownerId, new Capacity(total, current.perChannel()), now);
        });
    }

    private Void changeCapacity(String ownerId, Capacity capacity, Instant now) {
        lock.record(now, new RouterInput.SetCapacity(ownerId, capacity));
        Capacity before = StateChecks.requireOwner(state, ownerId, "ownerId").owner().capacity();
        state.setCapacity(ownerId, capacity);
        events.publish(new RoutingEvent.CapacityChanged(now, ownerId, before, capacity));
        drains.drainFor(ownerId, now);
        return null;
    }

    /** See {@link Router#addOwner(Owner, Presence)}. */
    void addOwner(Owner owner, Presence presence) {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.AddOwner(owner, presence));
            if (state.hasOwner(owner.id())) {
                throw new IllegalArgumentException("owner id '" + owner.id() + "' is already on the roster");
            }
            state.addOwner(owner, presence);
            if (presence == Presence.OFFLINE) {
                state.setPresence(owner.id(), presence, now);
            }
            events.publish(new RoutingEvent.OwnerJoined(now, owner, presence));
            drains.drainFor(owner.id(), now);
            return null;
        });
    }

    /** See {@link Router#removeOwner}. */
    void removeOwner(String ownerId) {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.RemoveOwner(ownerId));
            StateChecks.requireOwner(state, ownerId, "ownerId");
            drains.takeBackAndRemove(ownerId, "owner " + ownerId + " left the roster", now);
            events.publish(new RoutingEvent.OwnerLeft(now, ownerId));
            return null;
        });
    }

    /** Refuses a plan that does not declare the review queue for missed response deadlines, if there is one. */
    static void requireReviewQueue(String reviewQueue, RoutingPlan routingPlan) {
        if (reviewQueue != null && routingPlan.queuesByName().get(reviewQueue) == null) {
            throw new IllegalArgumentException("review queue '" + reviewQueue + "' for missed response deadlines is"
                    + " not declared by the plan");
        }
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.util.Map;
import java.util.Optional;

/**
 * What owners do with single conversations: transfer one to another owner, claim a waiting one, accept or decline one
 * offered to them, and acknowledge one (their first reply, which stops its response deadline). Each is one atomic
 * call under the router's exclusive lock, refused before anything changes when the owner cannot take the
 * conversation.
 */
final class Handovers {

    private static final String TRANSFER = "transfer";
    private static final String CLAIM = "claim";

    private final RouterLock lock;
    private final LiveState state;
    private final Settler settler;
    private final Drains drains;
    private final Offers offers;
    private final EventDispatcher events;
    private final Counters counters;

    Handovers(RouterLock lock, LiveState state, Settler settler, Drains drains, Offers offers, EventDispatcher events,
            Counters counters) {
        this.lock = lock;
        this.state = state;
        this.settler = settler;
        this.drains = drains;
        this.offers = offers;
        this.events = events;
        this.counters = counters;
    }

    /** See {@link Router#transfer}. */
    Decision.Assigned transfer(String conversationId, String toOwnerId, Handoff handoff) {
        return lock.atomically(now -> {
            lock.record(now, new RouterInput.Transfer(conversationId, toOwnerId, handoff));
            Placement placement = StateChecks.openPlacement(state, conversationId);
            if (!(placement instanceof Placement.Owned owned)) {
                String instead = placement instanceof Placement.Offered ? "accept" : "claim";
                throw new IllegalArgumentException("conversationId '" + conversationId + "' is "
                        + Offers.whereNow(placement) + ", not owned; " + instead + " it instead of transferring it");
            }
            if (owned.ownerId().equals(toOwnerId)) {
                throw new IllegalArgumentException("toOwnerId '" + toOwnerId + "' already owns conversation '"
                        + conversationId + "'");
            }
            StateChecks.requireOwner(state, toOwnerId, "toOwnerId");
            String refusal = refusal(toOwnerId, owned.conversation());
            if (refusal != null) {
                throw new IllegalStateException("toOwnerId '" + toOwnerId + "' cannot take conversation '"
                        + conversationId + "': " + refusal);
            }
            String id = owned.conversation().id();
            state.unassign(id);
            settler.give(owned.conversation(), toOwnerId, now);
            counters.transferred.increment();
            events.publish(new RoutingEvent.Transferred(now, owned.conversation(), owned.ownerId(), toOwnerId,
                    handoff));
            Trace trace = Trace.of(TRANSFER, new Verdict.Assign(toOwnerId,
                    "transferred by " + owned.ownerId() + ": " + handoff.summary(), Map.of()));
            drains.drainFor(owned.ownerId(), now);
            return new Decision.Assigned(id, toOwnerId, TRANSFER, trace);
        });
    }

    /** See {@link Router#claim}. */
    Decision claim(String ownerId, String conversationId) {
        return lock.atomically(now -> {
            lock.record(now, new RouterInput.Claim(ownerId, conversationId));
            StateChecks.requireOwner(state, ownerId, "ownerId");
            Placement placement = StateChecks.openPlacement(state, conversationId);
            if (placement instanceof Placement.Owned owned) {
                return new Decision.Rejected(conversationId, "already owned by " + owned.ownerId(),
                        Trace.of(CLAIM, Verdict.reject("conversation is already owned by " + owned.ownerId())));
            }
            if (placement instanceof Placement.Offered offer) {
                String offered = "offered to " + String.join(", ", offer.ownerIds());
                return new Decision.Rejected(conversationId, offered, Trace.of(CLAIM,
                        Verdict.reject("conversation is " + offered + "; an owner it is offered to accepts it")));
            }
            WaitingConversation entry = ((Placement.Waiting) placement).entry();
            String id = entry.conversation().id();
            String refusal = refusal(ownerId, entry.conversation());
            if (refusal != null) {
                return new Decision.Rejected(id, refusal, Trace.of(CLAIM, Verdict.reject(refusal)));
            }
            Trace trace = Trace.of(CLAIM, new Verdict.Assign(ownerId, "claimed from queue " + entry.queue(), Map.of()));
            state.dequeue(id);
            settler.give(entry.conversation(), ownerId, now);
            counters.assigned.increment();
            events.publish(new RoutingEvent.Assigned(now, entry.conversation(), ownerId, CLAIM, trace));
            return new Decision.Assigned(id, ownerId, CLAIM, trace);
        });
    }

    /** See {@link Router#acknowledge}. */
    void acknowledge(String conversationId) {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.Acknowledge(conversationId));
            Placement placement = StateChecks.openPlacement(state, conversationId);
            if (!(placement instanceof Placement.Owned owned)) {
                throw new IllegalArgumentException("conversationId '" + conversationId + "' is "
                        + Offers.whereNow(placement) + ", not owned; only an owner replies");
            }
            state.stopResponseDeadline(owned.conversation().id());
            return null;
        });
    }

    /** See {@link Router#accept}. */
    Decision.Assigned accept(String ownerId, String conversationId) {
        return lock.atomically(now -> {
            lock.record(now, new RouterInput.Accept(ownerId, conversationId));
            StateChecks.requireOwner(state, ownerId, "ownerId");
            Placement.Offered offer = Offers.require(StateChecks.openPlacement(state, conversationId), ownerId);
            Decision.Assigned decision = offers.accept(offer, ownerId, now);
            settler.startResponseDeadline(offer.conversation(), now);
            counters.assigned.increment();
            offer.ownerIds().forEach(other -> drains.drainFor(other, now));
            return decision;
        });
    }

    /** See {@link Router#decline}. */
    Decision decline(String ownerId, String conversationId, String reason) {
        return lock.atomically(now -> {
            lock.record(now, new RouterInput.Decline(ownerId, conversationId, reason));
            StateChecks.requireOwner(state, ownerId, "ownerId");
            Placement.Offered offer = Offers.require(StateChecks.openPlacement(state, conversationId), ownerId);
            Optional<Placement.Offered> standing = offers.decline(offer, ownerId, reason, now);
            String why = "declined by " + ownerId + (reason.isBlank() ? "" : ": " + reason);
            Decision decision = standing.<Decision>map(left -> new Decision.Offered(left.conversation().id(),
                            left.ownerIds(), Offers.STEP, left.expiresAt(), Trace.of(Offers.STEP,
                            Verdict.hold(why + "; still offered to " + String.join(", ", left.ownerIds())))))
                    .orElseGet(() -> settler.settle(offer.conversation(), now, Optional.empty(), Offers.because(why)));
            drains.drainFor(ownerId, now);
            return decision;
        });
    }

    /** Why an owner cannot take a conversation now, or null if it can. */
    private String refusal(String ownerId, Conversation conversation) {
        OwnerStatus status = state.status(ownerId);
        if (!status.presence().mayReceiveWork()) {
            return "owner " + ownerId + " is " + status.presence();
        }
        if (status.freeCapacityOn(conversation.channel()) == 0) {
            return "owner " + ownerId + " has no free capacity on channel " + conversation.channel() + " (load "
                    + status.load() + " of " + status.owner().capacity().total() + ")";
        }
        return null;
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides conversations again when where they may go changed: drains the waiting queues (for one owner who got room,
 * or all of them as time passes or the plan changes), and takes back an owner's conversations to route them again.
 * Conversations held for review after missing too many response deadlines are left waiting for a claim.
 */
final class Drains {

    private final LiveState state;
    private final Settler settler;
    private final Offers offers;
    private final EventDispatcher events;
    private final Counters counters;
    private final int maxBounces;

    Drains(LiveState state, Settler settler, Offers offers, EventDispatcher events, Counters counters,
            int maxBounces) {
        this.state = state;
        this.settler = settler;
        this.offers = offers;
        this.events = events;
        this.counters = counters;
        this.maxBounces = maxBounces;
    }

    /**
     * Offers waiting conversations to the plan again after an owner got room (a release, a transfer away, coming
     * online, more capacity, joining): those of the queues of the rules that may choose that owner whose need it could
     * take (see {@link TakeableNeeds}), one at a time in serve order across those queues, as {@link Router#waiting()}
     * lists them. Only that owner's change can let a waiting conversation be placed, so the drain stops as soon as the
     * owner has no room left, passes over the conversations it could not be given, and costs little while everyone is
     * full. Where a rule with a step that follows the customer (see {@link Strategy#followsTheCustomer}) has
     * conversations waiting in those queues, nothing is passed over: another of the customer's conversations assigned
     * meanwhile may have made one of them go to another owner.
     */
    void drainFor(String ownerId, Instant now) {
        if (!state.hasWaiting() || !state.hasRoom(ownerId, now)) {
            return;
        }
        PlanRunner.Served served = settler.plan().servedBy(ownerId);
        Predicate<WaitingNeed> takeable = served.followsTheCustomer() ? need -> true
                : new TakeableNeeds(served.rules(), state.status(ownerId));
        Optional<WaitingConversation> entry = Optional.empty();
        do { // the owner has room: checked above for the first, after each offer for the next
            entry = state.waitingAfter(entry, served.queues(), takeable);
            if (entry.isEmpty()) {
                return;
            }
            offer(entry.get(), now);
        } while (state.hasRoom(ownerId, now));
    }

    /**
     * Offers every waiting conversation in every queue to the plan again, in serve order, for steps whose answer
     * depends on time, and after the plan changed.
     */
    void drainAll(Instant now) {
        Optional<WaitingConversation> entry = Optional.empty();
        while ((entry = state.waitingAfter(entry)).isPresent()) {
            offer(entry.get(), now);
        }
    }

    /**
     * Decides a waiting conversation again, unless it is held for review. On a store that several routers share,
     * another may serve it between the check that it still waits and the take: the store then refuses the take, with
     * nothing changed, and the drain goes on to the next one; the call that drained (a release, say) took effect.
     */
    private void offer(WaitingConversation entry, Instant now) {
        if (!StateChecks.stillWaiting(state, entry)) {
            return; // another router sharing the store served it since it was read
        }
        if (heldForReview(entry)) {
            return;
        }
        try {
            settler.settle(entry.conversation(), now, Optional.of(entry));
        } catch (IllegalStateException refused) {
            if (StateChecks.stillWaiting(state, entry)) {
                throw refused;
            }
        }
    }

    /** Whether a waiting conversation is held for review after missing too many response deadlines. */
    private boolean heldForReview(WaitingConversation entry) {
        return state.lapses(entry.conversation().id()) > maxBounces;
    }

    /**
     * Takes every conversation from an owner who receives no work (offline) and decides them again: each owned one is
     * re-routed right after it is taken, so a store that holds the take pending moves it in one step (see
     * {@link LiveState#unassign}), and one no longer this owner's (another router sharing the store took it first) is
     * left where it is; those offered to it alone are decided again, and offers that still stand to others are only
     * withdrawn from this owner.
     */
    void takeBack(String ownerId, String reason, Instant now) {
        List<Conversation> unoffered = new ArrayList<>();
        for (Conversation conversation : state.conversationsOf(ownerId)) {
            Placement placement = state.placement(conversation.id()).orElse(null);
            if (placement instanceof Placement.Offered offer && offer.ownerIds().contains(ownerId)) {
                if (offers.withdraw(offer, ownerId, reason, now).isEmpty()) {
                    unoffered.add(conversation);
                }
            } else if (placement instanceof Placement.Owned owned && owned.ownerId().equals(ownerId)) {
                state.unassign(conversation.id());
                reroute(List.of(conversation), ownerId, reason, now);
            }
        }
        unoffered.forEach(conversation -> settler.settle(conversation, now, Optional.empty(), Offers.because(reason)));
    }

    /**
     * Takes an owner off the roster: first offline, so that nothing is given to it any more, then its conversations
     * taken back as {@link #takeBack(String, String, Instant)} does, each decided again without it, then it leaves.
     * On a store that several instances share, each conversation moves in one step and the owner leaves only once it
     * holds none: a call that fails midway leaves the owner offline with what it still holds, for a tick to take back.
     */
    void takeBackAndRemove(String ownerId, String reason, Instant now) {
        state.setPresence(ownerId, Presence.OFFLINE, now);
        takeBack(ownerId, reason, now);
        state.removeOwner(ownerId);
    }

    /** Sends conversations taken from an owner through the plan again, each counted and published as a re-route. */
    void reroute(List<Conversation> conversations, String fromOwnerId, String reason, Instant now) {
        for (Conversation conversation : conversations) {
            counters.rerouted.increment();
            events.publish(new RoutingEvent.Rerouted(now, conversation, fromOwnerId, reason));
            settler.settle(conversation, now, Optional.empty());
        }
    }
}

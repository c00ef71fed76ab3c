package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the embedded store keeps for the clock and for offers: when offline owners went offline, the response
 * deadlines of owned conversations, the offers that stand, and who is left out of which conversation's decisions
 * (owners that let its response deadline lapse, or declined it or let its offer expire); and the offers' operations
 * (see {@link dev.switchboard.routing.state.LiveState#offer} and the methods after it), which reserve and give back
 * the room of the owners on the store's roster. Changed only under the router's exclusive lock.
 */
final class DeadlinesAndOffers {

    private final InMemoryLiveState store;

    final Map<String, Instant> offlineSince = new LinkedHashMap<>();
    final Map<String, Instant> responseDeadlines = new HashMap<>();
    final Map<String, List<String>> lapsedBy = new HashMap<>();
    /** The offers that stand, by conversation id, in the order they were made. */
    final Map<String, Placement.Offered> offers = new LinkedHashMap<>();
    /** The owners left out of each conversation's views after declining it or letting its offer expire. */
    final Map<String, Set<String>> passedOver = new HashMap<>();

    DeadlinesAndOffers(InMemoryLiveState store) {
        this.store = store;
    }

    /** The owned conversations whose response deadline is at or before {@code now}, with it (the router orders them). */
    Map<String, Instant> responseDeadlinesDue(Instant now) {
        Map<String, Instant> due = new HashMap<>();
        responseDeadlines.forEach((id, deadline) -> {
            if (!deadline.isAfter(now)) {
                due.put(id, deadline);
            }
        });
        return due;
    }

    int recordLapse(String conversationId, String ownerId) {
        List<String> owners = lapsedBy.computeIfAbsent(conversationId, key -> new ArrayList<>());
        owners.add(ownerId);
        return owners.size();
    }

    int lapses(String conversationId) {
        return lapsedBy.getOrDefault(conversationId, List.of()).size();
    }

    /** See {@link dev.switchboard.routing.state.LiveState#offer}. */
    Placement.Offered offer(String conversationId, Instant at, Instant expiresAt) {
        if (!(store.placed.get(conversationId) instanceof Placement.Owned owned)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        return offered(new Placement.Offered(owned.conversation(), List.of(owned.ownerId()), at, expiresAt));
    }

    /** See {@link dev.switchboard.routing.state.LiveState#ring}. */
    boolean ring(String conversationId, String ownerId, Instant at) {
        Placement.Offered offer = requireOffer(conversationId);
        Roster.Slot slot = store.roster.get(ownerId);
        if (slot == null || offer.ownerIds().contains(ownerId)) {
            return false;
        }
        synchronized (slot) {
            if (!Roster.canTake(slot, offer.conversation(), at, true)) {
                return false;
            }
            store.roster.assigned(slot, offer.conversation(), at);
        }
        List<String> owners = new ArrayList<>(offer.ownerIds());
        owners.add(ownerId);
        offered(new Placement.Offered(offer.conversation(), owners, offer.offeredAt(), offer.expiresAt()));
        return true;
    }

    /** See {@link dev.switchboard.routing.state.LiveState#withdraw}. */
    Optional<Placement.Offered> withdraw(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId, ownerId);
        store.roster.unassigned(store.roster.require(ownerId), offer.conversation());
        List<String> owners = new ArrayList<>(offer.ownerIds());
        owners.remove(ownerId);
        if (owners.isEmpty()) {
            offers.remove(conversationId);
            store.unplace(offer);
            return Optional.empty();
        }
        return Optional.of(offered(new Placement.Offered(offer.conversation(), owners, offer.offeredAt(),
                offer.expiresAt())));
    }

    /** See {@link dev.switchboard.routing.state.LiveState#accept}. */
    Placement.Owned accept(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId, ownerId);
        for (String other : offer.ownerIds()) {
            if (!other.equals(ownerId)) {
                store.roster.unassigned(store.roster.require(other), offer.conversation());
            }
        }
        offers.remove(conversationId);
        Placement.Owned owned = new Placement.Owned(offer.conversation(), ownerId);
        store.placed.put(conversationId, owned);
        store.customers.accepted(offer.conversation().customerId(), ownerId);
        return owned;
    }

    /** Places an offer, or the offer as it now stands. */
    private Placement.Offered offered(Placement.Offered offer) {
        String id = offer.conversation().id();
        store.placed.put(id, offer);
        offers.put(id, offer);
        return offer;
    }

    /** The offers that expire at or before {@code now} (the router orders them). */
    List<Placement.Offered> offersDue(Instant now) {
        List<Placement.Offered> due = new ArrayList<>();
        for (Placement.Offered offer : offers.values()) {
            if (!offer.expiresAt().isAfter(now)) {
                due.add(offer);
            }
        }
        return due;
    }

    private Placement.Offered requireOffer(String conversationId) {
        Placement.Offered offer = offers.get(conversationId);
        if (offer == null) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not offered");
        }
        return offer;
    }

    private Placement.Offered requireOffer(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId);
        if (!offer.ownerIds().contains(ownerId)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not offered to '" + ownerId
                    + "'");
        }
        return offer;
    }

    int passOver(String conversationId, String ownerId) {
        Set<String> owners = passedOver.computeIfAbsent(conversationId, key -> new LinkedHashSet<>());
        owners.add(ownerId);
        return owners.size();
    }

    void readmit(String conversationId, String ownerId) {
        Set<String> owners = passedOver.get(conversationId);
        if (owners != null && owners.remove(ownerId) && owners.isEmpty()) {
            passedOver.remove(conversationId);
        }
    }

    int passedOver(String conversationId) {
        return passedOver.getOrDefault(conversationId, Set.of()).size();
    }

    /** Whether anything is kept about single conversations that {@link #forget} would drop. */
    boolean keepsAnyConversation() {
        return !lapsedBy.isEmpty() || !passedOver.isEmpty();
    }

    /** Forgets the owners left out of a conversation that has left the router. */
    void forget(String conversationId) {
        passedOver.remove(conversationId);
        lapsedBy.remove(conversationId);
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which identities are one customer, and, with one conversation per customer, that a customer has at most one open
 * conversation: links identities (by {@link Router#link} and by the attributes the router links by), joins a new
 * conversation to its customer's open one, and merges a customer's open conversations when linking made them one
 * customer's.
 */
final class Identities {

    private static final String SAME_CUSTOMER = "same-customer";

    /** Which of a customer's open conversations survives a merge: an owned one, else the oldest. */
    private static final Comparator<Placement> KEPT_IN_A_MERGE = Comparator
            .comparing((Placement placement) -> placement instanceof Placement.Waiting)
            .thenComparing(placement -> placement.conversation().createdAt())
            .thenComparing(placement -> placement.conversation().id());

    private final RouterLock lock;
    private final LiveState state;
    private final Drains drains;
    private final Offers offers;
    private final EventDispatcher events;
    private final Counters counters;
    /**
     * In {@link IdentityKey} order: a customer that remembers no owner takes the memory of the first customer it is
     * linked to, so the keys are linked in an order of their own, not in a set's.
     */
    private final List<IdentityKey> linkBy;
    private final boolean oneConversationPerCustomer;

    Identities(RouterLock lock, LiveState state, Drains drains, Offers offers, EventDispatcher events,
            Counters counters, Set<IdentityKey> linkBy, boolean oneConversationPerCustomer) {
        this.lock = lock;
        this.state = state;
        this.drains = drains;
        this.offers = offers;
        this.events = events;
        this.counters = counters;
        this.linkBy = linkBy.stream().sorted().toList();
        this.oneConversationPerCustomer = oneConversationPerCustomer;
    }

    void link(String identity, String otherIdentity) {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.Link(identity, otherIdentity));
            state.link(identity, otherIdentity);
            if (oneConversationPerCustomer) {
                merge(state.customerOf(identity), now);
            }
            return null;
        });
    }

    String customerOf(String identity) {
        return lock.read(() -> state.customerOf(identity));
    }

    /**
     * Before a new conversation is routed, under the exclusive lock: links its customer to the identities its
     * attributes carry, and, with one conversation per customer, joins it to its customer's open conversation. The
     * decision that it joined, or empty when it is to be routed.
     */
    Optional<Decision.Joined> join(Conversation conversation, Instant now) {
        if (!linkBy.isEmpty()) {
            for (IdentityKey key : linkBy) {
                key.identityOf(conversation).ifPresent(identity -> state.link(conversation.customerId(), identity));
            }
        }
        if (oneConversationPerCustomer) {
            List<String> open = merge(state.customerOf(conversation.customerId()), now);
            if (!open.isEmpty()) {
                String id = conversation.id();
                state.addAlias(id, open.get(0));
                counters.joined.increment();
                events.publish(new RoutingEvent.Joined(now, conversation, open.get(0), ""));
                return Optional.of(joined(id, state.placement(id).orElseThrow()));
            }
        }
        return Optional.empty();
    }

    /** The decision for an id that joined the open conversation at {@code placement}. */
    Decision.Joined joined(String id, Placement placement) {
        Conversation open = placement.conversation();
        String already = "customer " + state.customerOf(open.customerId()) + " already has conversation " + open.id();
        Verdict verdict;
        if (placement instanceof Placement.Owned owned) {
            verdict = new Verdict.Assign(owned.ownerId(), already + " open with " + owned.ownerId()
                    + "; this one joins it", Map.of());
        } else if (placement instanceof Placement.Waiting waiting) {
            String queue = waiting.entry().queue();
            verdict = Verdict.enqueue(queue, already + " waiting in " + queue + "; this one joins it");
        } else {
            verdict = Verdict.hold(already + " " + Offers.whereNow(placement) + "; this one joins it");
        }
        return new Decision.Joined(id, open.id(), placement, Trace.of(SAME_CUSTOMER, verdict));
    }

    /**
     * Leaves a customer with at most one open conversation after identities were linked: the owned one (else the
     * oldest) is kept, and each other one leaves its place and joins it. Returns the customer's open conversation,
     * if it has one.
     */
    private List<String> merge(String customer, Instant now) {
        List<String> open = state.conversationsOfCustomer(customer);
        if (open.size() < 2) {
            return open;
        }
        List<Placement> placements = new ArrayList<>();
        for (String id : open) {
            placements.add(state.placement(id).orElseThrow());
        }
        placements.sort(KEPT_IN_A_MERGE);
        String kept = placements.get(0).conversation().id();
        List<String> freed = new ArrayList<>();
        for (Placement placement : placements.subList(1, placements.size())) {
            Conversation conversation = placement.conversation();
            String from;
            if (placement instanceof Placement.Owned owned) {
                state.unassign(conversation.id());
                from = owned.ownerId();
                freed.add(from);
            } else if (placement instanceof Placement.Offered offer) {
                offers.withdrawAll(offer, "joined conversation " + kept, now);
                from = Offers.STEP;
                freed.addAll(offer.ownerIds());
            } else {
                from = state.dequeue(conversation.id()).queue();
            }
            state.addAlias(conversation.id(), kept);
            state.forget(conversation.id());
            counters.joined.increment();
            events.publish(new RoutingEvent.Joined(now, conversation, kept, from));
        }
        freed.forEach(ownerId -> drains.drainFor(ownerId, now));
        return List.of(kept);
    }
}

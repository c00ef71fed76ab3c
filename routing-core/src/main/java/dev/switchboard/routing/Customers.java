package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the embedded store keeps about customers: which identities are linked into one customer, each customer's
 * previous owners (a {@link CustomerMemory}, bounded, each forgotten a ttl after the customer was last served), the ids
 * of conversations that joined another, and, when asked, each customer's placed conversations.
 *
 * <p>Linked identities form a union-find forest ({@code linkedTo} points towards the customer); identities that were
 * never linked take no memory. The memory is written on several threads at once under the router's shared lock; the
 * rest changes only under its exclusive lock.
 */
final class Customers {

    private final InstantSource clock;
    final CustomerMemory previousOwners;
    final Map<String, String> linkedTo = new HashMap<>();
    /** When each customer (a root of the links) entered the links: the earlier one names a merged set. */
    final Map<String, Long> firstSeen = new HashMap<>();
    long nextIdentity;
    final Map<String, String> aliasOf = new HashMap<>();
    final Map<String, Set<String>> aliasesOf = new HashMap<>();
    private final boolean tracksPlaced;
    private final Map<String, Set<String>> placedByCustomer = new HashMap<>();

    Customers(InstantSource clock, long maxCustomers, Duration ttl, boolean tracksPlaced) {
        this.clock = clock;
        this.tracksPlaced = tracksPlaced;
        this.previousOwners = new CustomerMemory(maxCustomers, ttl, clock.instant());
    }

    /** The store's time now. */
    Instant now() {
        return clock.instant();
    }

    String customerOf(String identity) {
        String customer = identity;
        String next;
        while ((next = linkedTo.get(customer)) != null) {
            customer = next;
        }
        return customer;
    }

    /** See {@link dev.switchboard.routing.state.LiveState#link}. */
    void link(String identity, String otherIdentity) {
        String first = customerOf(identity);
        String second = customerOf(otherIdentity);
        if (first.equals(second)) {
            return;
        }
        String customer = seen(first) <= seen(second) ? first : second;
        String absorbed = customer.equals(first) ? second : first;
        linkedTo.put(absorbed, customer);
        firstSeen.remove(absorbed);
        Set<String> conversations = placedByCustomer.remove(absorbed);
        if (conversations != null) {
            placedByCustomer.computeIfAbsent(customer, key -> new LinkedHashSet<>()).addAll(conversations);
        }
        Instant now = clock.instant();
        CustomerOwners absorbedOwner = previousOwners.get(absorbed, now);
        if (absorbedOwner != null && previousOwners.get(customer, now) == null) {
            previousOwners.put(customer, absorbedOwner, now);
        }
        previousOwners.remove(absorbed);
    }

    private long seen(String customer) {
        return firstSeen.computeIfAbsent(customer, key -> nextIdentity++);
    }

    /** Remembers that a conversation of {@code customerId} was given to {@code ownerId} at {@code at}. */
    void served(String customerId, String ownerId, Instant at) {
        previousOwners.serve(customerOf(customerId), ownerId, at, false);
    }

    /**
     * Remembers that {@code ownerId} accepted an offer of a conversation of {@code customerId}: the commit that made
     * the offer remembered the owner first offered it; one who accepts instead is served now.
     */
    void accepted(String customerId, String ownerId) {
        previousOwners.serve(customerOf(customerId), ownerId, clock.instant(), true);
    }

    /** What is remembered of a customer, or null when nothing is (the views wrap it, so that a read builds one object). */
    CustomerOwners remembered(String customerId) {
        return previousOwners.get(customerOf(customerId), clock.instant());
    }

    void placed(Conversation conversation) {
        if (tracksPlaced) {
            placedByCustomer.computeIfAbsent(customerOf(conversation.customerId()), key -> new LinkedHashSet<>())
                    .add(conversation.id());
        }
    }

    void unplaced(Conversation conversation) {
        if (!tracksPlaced) {
            return;
        }
        String customer = customerOf(conversation.customerId());
        Set<String> conversations = placedByCustomer.get(customer);
        conversations.remove(conversation.id());
        if (conversations.isEmpty()) {
            placedByCustomer.remove(customer);
        }
    }

    List<String> conversationsOf(String customer) {
        return List.copyOf(placedByCustomer.getOrDefault(customer, Set.of()));
    }

    /** The conversation an id stands for: its own, or the one it joined. */
    String conversationId(String id) {
        return aliasOf.isEmpty() ? id : aliasOf.getOrDefault(id, id);
    }

    void addAlias(String alias, String conversationId) {
        Set<String> names = aliasesOf.computeIfAbsent(conversationId, key -> new LinkedHashSet<>());
        names.add(alias);
        aliasOf.put(alias, conversationId);
        for (String inherited : aliasesOf.getOrDefault(alias, Set.of())) {
            names.add(inherited);
            aliasOf.put(inherited, conversationId);
        }
        aliasesOf.remove(alias);
    }

    boolean hasAliases() {
        return !aliasesOf.isEmpty();
    }

    void forgetAliases(String conversationId) {
        for (String alias : aliasesOf.getOrDefault(conversationId, Set.of())) {
            aliasOf.remove(alias);
        }
        aliasesOf.remove(conversationId);
    }
}

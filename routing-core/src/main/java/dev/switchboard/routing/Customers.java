package dev.switchboard.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the embedded store keeps about customers: which identities are linked into one customer, each customer's
 * previous owners (a bounded Caffeine cache, each entry forgotten a ttl after the customer was last served), the ids
 * of conversations that joined another, and, when asked, each customer's placed conversations.
 *
 * <p>Linked identities form a union-find forest ({@code linkedTo} points towards the customer); identities that were
 * never linked take no memory. The memory is written on several threads at once under the router's shared lock; the
 * rest changes only under its exclusive lock.
 */
final class Customers {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final InstantSource clock;
    private final Instant start;
    private final long ttlMicros;
    final Cache<String, CustomerOwners> previousOwners;
    /** Locks by customer, for the writes to {@link #previousOwners} made on several threads at once. */
    private final LockStripes writing = new LockStripes();
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
        // Caffeine keeps time as nanoseconds in a long, which lasts 292 years, less than a ManualClock may run. So the
        // memory keeps time in microseconds since the store was made instead, the ticker and the expiry alike: that
        // lasts 292,000 years, more than all of Bounds, and the ticker saturates beyond.
        this.start = clock.instant();
        this.ttlMicros = Math.max(1, TimeUnit.MICROSECONDS.convert(ttl));
        previousOwners = Caffeine.newBuilder()
                .maximumSize(maxCustomers)
                .expireAfter(new Expiry<String, CustomerOwners>() {
                    @Override
                    public long expireAfterCreate(String customer, CustomerOwners owners, long now) {
                        return micros(owners.servedAt()) + ttlMicros - now;
                    }

                    @Override
                    public long expireAfterUpdate(String customer, CustomerOwners owners, long now, long left) {
                        return expireAfterCreate(customer, owners, now);
                    }

                    @Override
                    public long expireAfterRead(String customer, CustomerOwners owners, long now, long left) {
                        return left;
                    }
                })
                .ticker(() -> micros(clock.instant()))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Microseconds from the store's start to {@code at}, truncated towards zero and saturated as
     * {@link TimeUnit#convert(Duration)} does (given to Caffeine as its nanoseconds); without building a
     * {@link Duration}, as the ticker is read on every write to the memory.
     */
    private long micros(Instant at) {
        long seconds = at.getEpochSecond() - start.getEpochSecond(); // instants span fewer seconds than a long holds
        long nanos = at.getNano() - start.getNano();
        if (seconds < 0 && nanos > 0) {
            seconds++;
            nanos -= NANOS_PER_SECOND;
        } else if (seconds > 0 && nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        }
        try {
            return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), nanos / NANOS_PER_MICRO);
        } catch (ArithmeticException beyondLong) {
            return seconds > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** Whether {@code owners} is still remembered now, or its ttl ran out. */
    boolean current(CustomerOwners owners) {
        return micros(owners.servedAt()) + ttlMicros > micros(clock.instant());
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
        CustomerOwners absorbedOwner = previousOwners.getIfPresent(absorbed);
        if (absorbedOwner != null && previousOwners.getIfPresent(customer) == null) {
            previousOwners.put(customer, absorbedOwner);
        }
        previousOwners.invalidate(absorbed);
    }

    private long seen(String customer) {
        return firstSeen.computeIfAbsent(customer, key -> nextIdentity++);
    }

    /**
     * Remembers that a conversation of {@code customerId} was given to {@code ownerId} at {@code at}. The memory is
     * read and written under the customer's stripe, so that the two are one change however many threads serve the
     * customer at once: a plain read and write build nothing in the cache, where its {@code merge} builds several
     * objects for every assignment.
     */
    void served(String customerId, String ownerId, Instant at) {
        serve(customerOf(customerId), ownerId, at, false);
    }

    /**
     * Remembers that {@code ownerId} accepted an offer of a conversation of {@code customerId}: the commit that made
     * the offer remembered the owner first offered it; one who accepts instead is served now.
     */
    void accepted(String customerId, String ownerId) {
        serve(customerOf(customerId), ownerId, clock.instant(), true);
    }

    /** See {@link #served}; {@code unlessLast} leaves the memory as it is when {@code ownerId} served last. */
    private void serve(String customer, String ownerId, Instant at, boolean unlessLast) {
        Map<String, CustomerOwners> memory = previousOwners.asMap();
        synchronized (writing.of(customer)) {
            CustomerOwners remembered = memory.get(customer);
            if (remembered == null) {
                memory.put(customer, CustomerOwners.first(ownerId, at));
            } else if (!unlessLast || !remembered.last().equals(ownerId)) {
                memory.put(customer, remembered.servedBy(ownerId, at));
            }
        }
    }

    /** What is remembered of a customer, or null when nothing is (the views wrap it, so that a read builds one object). */
    CustomerOwners remembered(String customerId) {
        return previousOwners.getIfPresent(customerOf(customerId));
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

package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's memory of whom each customer was served by: at most {@code maxCustomers} customers, in the
 * order they were last served, each forgotten a ttl after its {@link CustomerOwners#servedAt()}. When a serve would
 * hold one customer too many, the customer served longest ago is forgotten.
 *
 * <p>Reads take no lock: a map from customer to its entry, whose owners are one volatile field. Every change holds the
 * memory's monitor, which also orders the entries from least to most recently served in a doubly linked list, so that
 * a change finds the entries to forget at the list's head. Each change forgets what it makes one too many, and a few
 * entries whose ttl ran out from the head, so the memory never holds more than its bound and forgets on the calling
 * thread: the same entries on every run of the same calls.
 *
 * <p>Time is kept in microseconds since the memory was made, which lasts longer than all of {@link Bounds}.
 */
final class CustomerMemory {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * At most how many entries whose ttl ran out one change forgets, besides those over the bound. Entries expire in
     * bursts (all those served in one second, a minute after it); forgetting a few a change spreads the work, and
     * forgets them faster than changes add new ones. Reads never see an expired entry.
     */
    private static final int EXPIRED_PER_CHANGE = 2;

    private final long maxCustomers;
    private final long ttlMicros;
    private final Instant start;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The list's sentinel: {@code head.newer} is the customer served longest ago, {@code head.older} the latest. */
    private final Entry head = new Entry(null, null);

    CustomerMemory(long maxCustomers, Duration ttl, Instant start) {
        this.maxCustomers = maxCustomers;
        this.ttlMicros = Math.max(1, TimeUnit.MICROSECONDS.convert(ttl));
        this.start = start;
        head.older = head;
        head.newer = head;
    }

    /** What is remembered of {@code customer} at {@code now}, or null when nothing is (or its ttl ran out). */
    CustomerOwners get(String customer, Instant now) {
        Entry entry = entries.get(customer);
        if (entry == null) {
            return null;
        }
        CustomerOwners owners = entry.owners;
        return current(owners, micros(now)) ? owners : null;
    }

    /**
     * Remembers that {@code ownerId} served {@code customer} at {@code at}; {@code unlessLast} leaves the memory as it
     * is when {@code ownerId} served last (and its ttl has not run out).
     */
    void serve(String customer, String ownerId, Instant at, boolean unlessLast) {
        synchronized (head) {
            long now = micros(at);
            Entry entry = entries.get(customer);
            CustomerOwners remembered = entry == null || !current(entry.owners, now) ? null : entry.owners;
            if (remembered == null) {
                keep(customer, entry, CustomerOwners.first(ownerId, at), now);
            } else if (!unlessLast || !remembered.last().equals(ownerId)) {
                keep(customer, entry, remembered.servedBy(ownerId, at), now);
            }
        }
    }

    /** Remembers {@code owners} for {@code customer}, as its latest serve, at {@code now}. */
    void put(String customer, CustomerOwners owners, Instant now) {
        synchronized (head) {
            keep(customer, entries.get(customer), owners, micros(now));
        }
    }

    /** Forgets {@code customer}. */
    void remove(String customer) {
        synchronized (head) {
            Entry entry = entries.get(customer);
            if (entry != null) {
                forget(entry);
            }
        }
    }

    /** Every customer remembered at {@code now}, by id. */
    Map<String, CustomerOwners> current(Instant now) {
        long at = micros(now);
        Map<String, CustomerOwners> current = new TreeMap<>();
        synchronized (head) {
            for (Entry entry = head.newer; entry != head; entry = entry.newer) {
                if (current(entry.owners, at)) {
                    current.put(entry.customer, entry.owners);
                }
            }
        }
        return current;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many entries it holds, those whose ttl ran out but are not forgotten yet included. */
    int held() {
        return entries.size();
    }

    private boolean current(CustomerOwners owners, long nowMicros) {
        return micros(owners.servedAt()) + ttlMicros > nowMicros;
    }

    /** Under the monitor: {@code owners} becomes the latest serve, then the memory forgets what it must. */
    private void keep(String customer, Entry entry, CustomerOwners owners, long now) {
        if (entry == null) {
            entry = new Entry(customer, owners);
            entries.put(customer, entry);
        } else {
            unlink(entry);
            entry.owners = owners;
        }
        Entry latest = head.older;
        entry.older = latest;
        entry.newer = head;
        latest.newer = entry;
        head.older = entry;
        while (entries.size() > maxCustomers) {
            forget(head.newer);
        }
        for (int expired = 0; expired < EXPIRED_PER_CHANGE && head.newer != head
                && !current(head.newer.owners, now); expired++) {
            forget(head.newer);
        }
    }

    private void forget(Entry entry) {
        entries.remove(entry.customer);
        unlink(entry);
    }

    private static void unlink(Entry entry) {
        entry.older.newer = entry.newer;
        entry.newer.older = entry.older;
    }

    /**
     * Microseconds from the memory's start to {@code at}, truncated towards zero as {@link TimeUnit#convert(Duration)}
     * does; without building a {@link Duration}, as every read and serve asks it.
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
        long micros = seconds * MICROS_PER_SECOND; // Bounds span under 2^48 seconds, so this stays within a long
        return micros + nanos / NANOS_PER_MICRO;
    }

    /** One customer's memory, and its place in the serve order (guarded by the monitor). */
    private static final class Entry {
        final String customer;
        volatile CustomerOwners owners;
        Entry older;
        Entry newer;

        Entry(String customer, CustomerOwners owners) {
            this.customer = customer;
            this.owners = owners;
        }
    }
}

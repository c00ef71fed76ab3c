package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The router's lock discipline. Every call holds the lock exclusively, except queries, and routes and releases when
 * nothing needs them serialised (see {@link Routes}): those hold it shared, so that they run on several threads at
 * once, and, while someone records, commit one at a time through the journal (see {@link #journalled}). A call
 * from a thread that already holds it is re-entrant and refused before anything changes. Events published under the
 * exclusive lock are delivered once it is let go, and each call that may change the state is journalled for the
 * recorders, under the lock, before the events it causes.
 */
final class RouterLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock exclusive = lock.writeLock();
    private final Lock shared = lock.readLock();
    private final RouterClock clock;
    private final EventDispatcher events;
    /**
     * Held, under the shared lock, by each commit on the shared path while someone records: those commits are made
     * and journalled one at a time, in the order of the recording (see {@link Routes}).
     */
    private final Object journal = new Object();
    /**
     * How many times the state may have changed under the exclusive lock or the journal: written only by the one
     * thread that holds either, read by shared-path decisions to know whether anything moved while they decided.
     */
    private volatile long changes;

    RouterLock(RouterClock clock, EventDispatcher events) {
        this.clock = clock;
        this.events = events;
    }

    /** Runs {@code work} at the router's current instant under the exclusive lock, then delivers its events. */
    <T> T atomically(Function<Instant, T> work) {
        lockExclusively();
        try {
            return work.apply(clock.instantChecked());
        } finally {
            unlockExclusively();
        }
    }

    /**
     * Answers a query under the shared lock: beside routes and releases on the shared path, which change each owner
     * and each conversation atomically (so the query sees each of them whole), but never during a call that holds the
     * lock exclusively; queries publish nothing.
     */
    <T> T read(Supplier<T> query) {
        lockShared();
        try {
            return query.get();
        } finally {
            shared.unlock();
        }
    }

    /** Answers a query under the exclusive lock, for one that must see the whole state at a single moment. */
    <T> T readExclusively(Supplier<T> query) {
        lockExclusively();
        try {
            return query.get();
        } finally {
            exclusive.unlock();
        }
    }

    /** Takes the lock exclusively; the hot paths lock so, without a lambda, to allocate nothing they do not need. */
    void lockExclusively() {
        refuseReentrantCall();
        exclusive.lock();
    }

    /** Lets go of the exclusive lock, then delivers the events published under it. */
    void unlockExclusively() {
        changes++; // only the holder writes
        exclusive.unlock();
        events.deliverPending();
    }

    void lockShared() {
        refuseReentrantCall();
        shared.lock();
    }

    void unlockShared() {
        shared.unlock();
    }

    /** How many changes were made so far; a shared-path decision reads it before it decides (see {@link #journal}). */
    long changes() {
        return changes;
    }

    /**
     * Runs a shared-path commit while someone records, under the shared lock: one at a time, and only if nothing
     * changed since the decision read {@code seen}, so that the recording replays in its order with the same outcome.
     * The decision reads {@code seen} before the clock, and the router's clock never goes back, so the call is no
     * earlier than any journalled before it. {@code commit} changes the state, journals the call (see
     * {@link #record}) and publishes its events, or returns false having changed nothing.
     */
    boolean journalled(long seen, BooleanSupplier commit) {
        synchronized (journal) {
            if (changes != seen || !commit.getAsBoolean()) {
                return false;
            }
            changes++; // only the holder writes
            return true;
        }
    }

    /** Journals a call for the recorders, under the lock, before the events it causes. */
    void record(Instant now, RouterInput input) {
        if (events.recording()) {
            events.publish(new RoutingEvent.Input(now, input));
        }
    }

    /**
     * Refuses a call from a thread that is inside one of the router's own calls (see {@link Router}), before it takes
     * the lock: nothing has changed, and nothing will.
     */
    private void refuseReentrantCall() {
        if (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("re-entrant call refused: the router was called from inside one of its"
                    + " own calls (a strategy deciding, or code it calls); strategies only decide, and listeners,"
                    + " which may call the router, are called after it lets go of its lock");
        }
    }
}

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The router's lock discipline. Every call holds the lock exclusively, except queries, and routes and releases when
 * nothing needs them serialised (see {@link Routes}): those hold it shared, so that they run on several threads at once. A call
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

package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers events in the order they were published and delivers them in that order, one at a time (never two
 * listener calls at once), outside the router's lock. Whichever thread finds no delivery under way delivers everything pending, so listeners may call back
 * into the router. Recorders receive every event, {@link RoutingEvent.Input inputs} included; listeners every event
 * but inputs. Whatever a listener throws is logged and ignored, so every other listener and recorder still receives
 * every event.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    /** Arrays, not lists: delivering an event to each of them allocates no iterator. */
    private final RoutingListener[] listeners;
    private final RoutingListener[] recorders;
    private final AtomicBoolean delivering = new AtomicBoolean();
    /**
     * The events published and not yet delivered, oldest first from {@link #head}, in a ring whose length is a power
     * of two and which doubles when full: queuing an event allocates nothing. Their numbers run on to
     * {@link #sequence}, so the oldest is {@code sequence - count + 1}. Guarded by {@code this}, which numbers and
     * queues each event as one step.
     */
    private RoutingEvent[] pending = new RoutingEvent[64];
    private int head;
    /** How many events are pending; written under {@code this}, read without it by {@link #deliverPending}. */
    private volatile int count;
    /** The last sequence number given; guarded by {@code this}. */
    private long sequence;

    EventDispatcher(List<RoutingListener> listeners, List<RoutingListener> recorders) {
        this.listeners = listeners.toArray(RoutingListener[]::new);
        this.recorders = recorders.toArray(RoutingListener[]::new);
    }

    /**
     * Numbers the event and queues it for delivery, as one step, so events are queued in the order of their numbers.
     * Called under the router's exclusive lock, or, on the shared path, under the lock of the owner whose state the
     * event reports (see {@link LockStripes}): either way, the order of the numbers is the order in which each
     * owner's and each conversation's state changed.
     */
    void publish(RoutingEvent event) {
        if (listening()) {
            synchronized (this) {
                if (count == pending.length) {
                    grow();
                }
                pending[(head + count) & (pending.length - 1)] = event;
                sequence++;
                count++;
            }
        }
    }

    /** Whether anyone receives events: the hot paths build none when nobody does. */
    boolean listening() {
        return listeners.length > 0 || recorders.length > 0;
    }

    /** Whether anyone records inputs; called under the router's lock, before the input's events. */
    boolean recording() {
        return recorders.length > 0;
    }

    /** Called after the router's lock is released. */
    void deliverPending() {
        while (count > 0 && delivering.compareAndSet(false, true)) {
            try {
                while (true) {
                    RoutingEvent event;
                    long number;
                    synchronized (this) {
                        if (count == 0) {
                            break;
                        }
                        event = pending[head];
                        number = sequence - count + 1;
                        pending[head] = null;
                        head = (head + 1) & (pending.length - 1);
                        count--;
                    }
                    deliver(event, number);
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    /** Doubles the ring, its oldest event first; under {@code this}. */
    private void grow() {
        RoutingEvent[] events = new RoutingEvent[pending.length * 2];
        for (int i = 0; i < count; i++) {
            events[i] = pending[(head + i) & (pending.length - 1)];
        }
        pending = events;
        head = 0;
    }

    private void deliver(RoutingEvent event, long number) {
        if (!(event instanceof RoutingEvent.Input)) {
            for (RoutingListener listener : listeners) {
                deliver(listener, event, number);
            }
        }
        for (RoutingListener recorder : recorders) {
            deliver(recorder, event, number);
        }
    }

    /**
     * Whatever the listener throws, an {@link Error} included, is logged: the state change it reports has happened,
     * and the caller of the router must not see a failure of someone else's code as the failure of its call.
     */
    private static void deliver(RoutingListener listener, RoutingEvent event, long number) {
        try {
            listener.onEvent(event, number);
        } catch (Throwable failure) {
            LOG.warn("Routing listener {} failed on {} event {}; routing goes on", listener,
                    event.getClass().getSimpleName(), number, failure);
        }
    }
}

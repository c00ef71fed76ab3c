package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    private record Numbered(long sequence, RoutingEvent event) {}

    /** Arrays, not lists: delivering an event to each of them allocates no iterator. */
    private final RoutingListener[] listeners;
    private final RoutingListener[] recorders;
    private final Queue<Numbered> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    /** The last sequence number given; guarded by {@code this}, which numbers and queues each event as one step. */
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
                pending.add(new Numbered(++sequence, event));
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
        while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                Numbered next;
                while ((next = pending.poll()) != null) {
                    deliver(next);
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    private void deliver(Numbered numbered) {
        if (!(numbered.event() instanceof RoutingEvent.Input)) {
            for (RoutingListener listener : listeners) {
                deliver(listener, numbered);
            }
        }
        for (RoutingListener recorder : recorders) {
            deliver(recorder, numbered);
        }
    }

    /**
     * Whatever the listener throws, an {@link Error} included, is logged: the state change it reports has happened,
     * and the caller of the router must not see a failure of someone else's code as the failure of its call.
     */
    private static void deliver(RoutingListener listener, Numbered numbered) {
        try {
            listener.onEvent(numbered.event(), numbered.sequence());
        } catch (Throwable failure) {
            LOG.warn("Routing listener {} failed on {} event {}; routing goes on", listener,
                    numbered.event().getClass().getSimpleName(), numbered.sequence(), failure);
        }
    }
}

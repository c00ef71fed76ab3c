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
 * Numbers events in the order they were published and delivers them in that order, one at a time, outside the
 * router's lock. Whichever thread finds no delivery under way delivers everything pending, so listeners may call back
 * into the router. Recorders receive every event, {@link RoutingEvent.Input inputs} included; listeners every event
 * but inputs. Whatever a listener throws is logged and ignored, so every other listener and recorder still receives
 * every event.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private record Numbered(long sequence, RoutingEvent event) {}

    private final List<RoutingListener> listeners;
    private final List<RoutingListener> recorders;
    private final Queue<Numbered> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    /** The last sequence number given; published only under the router's exclusive lock. */
    private long sequence;

    EventDispatcher(List<RoutingListener> listeners, List<RoutingListener> recorders) {
        this.listeners = List.copyOf(listeners);
        this.recorders = List.copyOf(recorders);
    }

    /** Called under the router's exclusive lock, so the order of the numbers is the order of state changes. */
    void publish(RoutingEvent event) {
        if (listening()) {
            pending.add(new Numbered(++sequence, event));
        }
    }

    /** Whether anyone receives events: the hot paths build none when nobody does. */
    boolean listening() {
        return !listeners.isEmpty() || !recorders.isEmpty();
    }

    /** Whether anyone records inputs; called under the router's lock, before the input's events. */
    boolean recording() {
        return !recorders.isEmpty();
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

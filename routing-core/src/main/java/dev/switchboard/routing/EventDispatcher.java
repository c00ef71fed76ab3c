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
 * Delivers events in the order they were published, one at a time, outside the router's lock. Whichever thread
 * finds no delivery under way delivers everything pending, so listeners may call back into the router. Recorders
 * receive every event, {@link RoutingEvent.Input inputs} included; listeners every event but inputs.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<RoutingListener> listeners;
    private final List<RoutingListener> recorders;
    private final Queue<RoutingEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    EventDispatcher(List<RoutingListener> listeners, List<RoutingListener> recorders) {
        this.listeners = List.copyOf(listeners);
        this.recorders = List.copyOf(recorders);
    }

    /** Called under the router's lock, so the order of publication is the order of state changes. */
    void publish(RoutingEvent event) {
        if (listening()) {
            pending.add(event);
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
                RoutingEvent event;
                while ((event = pending.poll()) != null) {
                    deliver(event);
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    private void deliver(RoutingEvent event) {
        if (!(event instanceof RoutingEvent.Input)) {
            listeners.forEach(listener -> deliver(listener, event));
        }
        recorders.forEach(recorder -> deliver(recorder, event));
    }

    private static void deliver(RoutingListener listener, RoutingEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Routing listener {} failed on a {} event; routing goes on", listener, event.getClass().getSimpleName(), e);
        }
    }
}

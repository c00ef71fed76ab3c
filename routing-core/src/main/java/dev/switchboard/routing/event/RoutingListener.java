package dev.switchboard.routing.event;

/**
 * Receives the router's events. Called after the state change it reports, outside the router's lock, one event
 * at a time and in order (possibly on another routing thread), so a listener may call the router. Whatever a listener
 * throws (an {@link Error} too) is logged and ignored: it never undoes or stops routing, and the other listeners and
 * recorders still receive the event.
 */
@FunctionalInterface
public interface RoutingListener {

    /** Receives one event. */
    void onEvent(RoutingEvent event);

    /**
     * Receives one event with its sequence number, which is what the router calls; by default it calls
     * {@link #onEvent(RoutingEvent)}. Each router numbers its events 1, 2, 3, ... in the order its state changed,
     * {@link RoutingEvent.Input inputs} included, so the numbers a listener receives strictly increase (with gaps
     * where inputs went only to recorders) and tell the order of events that share an instant. (Routes and releases
     * on several threads at once are numbered in the order of each owner's and each conversation's changes; two
     * commits to different owners at the same moment may come in either order.) Events come one at a time. A listener that needs
     * the numbers (to store events, or to hand them to another thread) overrides this method.
     */
    default void onEvent(RoutingEvent event, long sequence) {
        onEvent(event);
    }
}

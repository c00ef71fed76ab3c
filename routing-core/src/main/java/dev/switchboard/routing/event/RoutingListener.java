package dev.switchboard.routing.event;

/**
 * Receives the router's events. Called after the state change it reports, outside the router's lock, one event
 * at a time and in order (possibly on another routing thread). An exception thrown here is logged and ignored:
 * it never undoes or stops routing.
 */
@FunctionalInterface
public interface RoutingListener {

    void onEvent(RoutingEvent event);
}

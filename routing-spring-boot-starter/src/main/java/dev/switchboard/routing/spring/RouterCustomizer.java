package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;

/**
 * Changes the auto-configured router's builder before it is built: a recorder, an offline policy, priority aging, or
 * anything else the JSON configuration does not say. Every {@code RouterCustomizer} bean runs, in {@code @Order};
 * {@link dev.switchboard.routing.event.RoutingListener} beans need none, they are added as listeners.
 */
@FunctionalInterface
public interface RouterCustomizer {

    /** Changes the builder, which already has the configuration, the clock and the listeners. */
    void customize(Router.Builder builder);
}

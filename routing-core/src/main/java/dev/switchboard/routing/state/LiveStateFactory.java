package dev.switchboard.routing.state;

/**
 * Makes the store a router is built on, once, from the router's settings: the embedded in-memory store by default
 * ({@code dev.switchboard.routing.InMemoryLiveState::new}), or a shared one that several instances use at once.
 */
@FunctionalInterface
public interface LiveStateFactory {

    /** The store for one router; a shared store may already hold state, which the router then carries on from. */
    LiveState open(LiveStateSettings settings);
}

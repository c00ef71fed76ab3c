package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Router;

/**
 * Where each simulated chain's router keeps its live state: in its own memory ({@link #embedded()}, the default) or
 * in Redis ({@link RedisStore}, the simulator's {@code --redis}). Closing it closes what it opened.
 */
@FunctionalInterface
interface LiveStore extends AutoCloseable {

    /** The builder of {@code chain}'s router, with its live state placed here. */
    Router.Builder placeIn(Router.Builder builder, Chain chain);

    @Override
    default void close() {}

    /** The router's own memory: the builder as it is. */
    static LiveStore embedded() {
        return (builder, chain) -> builder;
    }
}

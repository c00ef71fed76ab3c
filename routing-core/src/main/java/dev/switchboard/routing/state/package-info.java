/**
 * The live-state service-provider interface: the {@link dev.switchboard.routing.state.LiveState} a router keeps all
 * of its state in, the {@link dev.switchboard.routing.state.LiveView} each decision reads and commits through, and
 * the {@link dev.switchboard.routing.state.LiveStateFactory} that makes a store from a router's
 * {@link dev.switchboard.routing.state.LiveStateSettings}, and the {@link dev.switchboard.routing.state.StateSnapshot}
 * of everything a store holds, which a store writes and an empty one is restored from. The embedded default is
 * {@code dev.switchboard.routing.InMemoryLiveState}; {@code routing-redis} keeps the same state in Redis for hosts
 * that run several instances.
 */
package dev.switchboard.routing.state;

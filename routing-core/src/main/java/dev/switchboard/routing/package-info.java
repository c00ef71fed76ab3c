/**
 * Switchboard's routing API: the model ({@link dev.switchboard.routing.Conversation},
 * {@link dev.switchboard.routing.Owner}, presence and capacity), the {@link dev.switchboard.routing.Strategy}
 * interface strategies implement, the {@link dev.switchboard.routing.Decision}s and traces they produce, and the
 * {@link dev.switchboard.routing.Router} that runs a fallback chain over thread-safe live state.
 *
 * <p>The router keeps its live state in a store behind the {@link dev.switchboard.routing.state.LiveState} SPI: by
 * default the embedded {@link dev.switchboard.routing.InMemoryLiveState}. Classes that are not public are
 * internals: the roster and its indexes, the cursors, the fallback chain runner.
 */
package dev.switchboard.routing;

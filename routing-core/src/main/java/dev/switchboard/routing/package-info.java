/**
 * Switchboard's routing API: the model ({@link dev.switchboard.routing.Conversation},
 * {@link dev.switchboard.routing.Owner}, presence and capacity), the {@link dev.switchboard.routing.Strategy}
 * interface strategies implement, the {@link dev.switchboard.routing.Decision}s and traces they produce, and the
 * {@link dev.switchboard.routing.Router} that runs a fallback chain over thread-safe live state.
 *
 * <p>Classes that are not public are internals: the live state behind {@code LiveState} and its in-memory
 * implementation, and the fallback chain runner.
 */
package dev.switchboard.routing;

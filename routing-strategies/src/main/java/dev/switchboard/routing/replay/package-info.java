/**
 * Record and replay: {@link dev.switchboard.routing.replay.JsonLinesRecorder} writes a router's inputs and events as
 * a versioned JSON Lines log, {@link dev.switchboard.routing.replay.RoutingLog} reads one whole (or names the line it
 * cannot read), and {@link dev.switchboard.routing.replay.Replay} plays it through a router built from another
 * configuration. The schema is in docs/replay.md.
 */
package dev.switchboard.routing.replay;

/**
 * Record, replay and compare: {@link dev.switchboard.routing.replay.JsonLinesRecorder} writes a router's inputs and
 * events as a versioned JSON Lines log whose header carries the configuration and the
 * {@link dev.switchboard.routing.replay.RouterSettings} it was built with; {@link dev.switchboard.routing.replay.RoutingLog}
 * reads one whole (or names the line it cannot read); {@link dev.switchboard.routing.replay.Replay} plays it through
 * the router rebuilt from the log, or the same with a proposed configuration; and
 * {@link dev.switchboard.routing.replay.ReplayDiff} ranks what changed. The schema is in docs/replay.md. For restarts,
 * {@link dev.switchboard.routing.replay.StateSnapshotJson} writes a router's live-state snapshot as JSON and reads it
 * back (docs/restarts.md).
 */
package dev.switchboard.routing.replay;

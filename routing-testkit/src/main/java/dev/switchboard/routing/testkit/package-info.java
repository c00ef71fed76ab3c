/**
 * Switchboard's invariants as a test kit for a host's own routing setup: {@link
 * dev.switchboard.routing.testkit.SwitchboardInvariants#check(dev.switchboard.routing.config.RoutingConfig)} plays
 * generated days of operations against routers built from the configuration and fails with a shrunk, readable story
 * when an {@link dev.switchboard.routing.testkit.Invariant} breaks; {@link
 * dev.switchboard.routing.testkit.RoutingArbitraries} gives the generators for properties of the host's own.
 *
 * <p>Classes that are not public are internals: the shadow model that follows a router's events, the checks of
 * starvation and rotation, the run of one sequence and its story, and the search with shrinking.
 */
package dev.switchboard.routing.testkit;

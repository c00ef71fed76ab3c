/**
 * Switchboard's invariants as a test kit for a host's own routing setup: {@link
 * dev.switchboard.routing.testkit.SwitchboardInvariants#check(dev.switchboard.routing.config.RoutingConfig)} plays
 * generated days of operations against routers built from the configuration and fails with a shrunk, readable story
 * when an {@link dev.switchboard.routing.testkit.Invariant} breaks; {@link
 * dev.switchboard.routing.testkit.RoutingArbitraries} gives the generators for properties of the host's own; {@link
 * dev.switchboard.routing.testkit.LiveStateContract} is the contract every live-state store passes, and {@link
 * dev.switchboard.routing.testkit.RedisProcess} a real redis-server for the tests and benchmarks of a store on Redis.
 *
 * <p>Classes that are not public are internals: the shadow model that follows a router's events, the checks of
 * starvation and rotation, the run of one sequence and its story, the search with shrinking, and the store
 * contract's settings, runs and scripted cases.
 */
package dev.switchboard.routing.testkit;

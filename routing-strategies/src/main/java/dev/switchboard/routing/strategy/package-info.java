/**
 * The routing strategies: each is a pure {@link dev.switchboard.routing.Strategy} that picks from a
 * {@link dev.switchboard.routing.RoutingView} and explains itself, usable alone or as a step of a router's fallback
 * chain. State kept between decisions (cursors) travels in the verdicts and is stored by the router.
 */
package dev.switchboard.routing.strategy;

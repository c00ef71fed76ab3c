/**
 * A helpdesk day simulator that compares routing chains: a seeded scenario generator, a discrete-event loop that
 * drives the router through its public API on a {@link dev.switchboard.routing.ManualClock}, metrics measured from
 * the router's events, and a console table and HTML report. The entry point is {@link
 * dev.switchboard.routing.examples.simulator.Simulator}.
 */
package dev.switchboard.routing.examples.simulator;

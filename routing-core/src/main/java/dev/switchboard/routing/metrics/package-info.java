/**
 * Routing metrics as library API: {@link dev.switchboard.routing.metrics.RoutingMetrics}, a listener that measures
 * time to assign, waits, reroutes, SLA breaches, decisions and utilisation from the router's events, and the
 * immutable {@link dev.switchboard.routing.metrics.MetricsSnapshot} it answers with.
 */
package dev.switchboard.routing.metrics;

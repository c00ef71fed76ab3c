/**
 * Publishes {@link dev.switchboard.routing.metrics.RoutingMetrics} to a Micrometer {@code MeterRegistry}:
 * {@link dev.switchboard.routing.micrometer.RoutingMeters}.
 */
package dev.switchboard.routing.micrometer;

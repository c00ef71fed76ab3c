package dev.switchboard.routing.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code switchboard.*} properties. (The descriptions are written for the configuration metadata, which IDEs
 * show as plain text.)
 *
 * @param config Where the routing configuration (JSON) is: a Spring resource location such as
 *     classpath:routing.json or file:/etc/switchboard/routing.json.
 * @param tickEnabled Whether the router's tick() is called on a schedule. Turn it off when the host ticks the router
 *     itself.
 * @param tickInterval How often the router's tick() runs: SLA breaches, offline grace periods, response deadlines and
 *     owners' working hours are noticed at most this late.
 * @param atRiskHorizon How close to its SLA deadline a waiting conversation must be to count as at risk in the
 *     switchboard endpoint and health.
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        @DefaultValue("classpath:routing.json") String config,
        @DefaultValue("true") boolean tickEnabled,
        @DefaultValue("5s") Duration tickInterval,
        @DefaultValue("5m") Duration atRiskHorizon) {

    public SwitchboardProperties {
        if (config == null || config.isBlank()) {
            throw new IllegalArgumentException("switchboard.config must name a resource, such as"
                    + " classpath:routing.json, was '" + config + "'");
        }
        if (tickInterval == null || tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("switchboard.tick-interval must be positive, was " + tickInterval);
        }
        if (atRiskHorizon == null || atRiskHorizon.isNegative()) {
            throw new IllegalArgumentException("switchboard.at-risk-horizon must not be negative, was "
                    + atRiskHorizon);
        }
    }
}

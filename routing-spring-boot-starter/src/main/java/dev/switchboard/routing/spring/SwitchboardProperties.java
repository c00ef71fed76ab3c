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
 * @param stateFile A file the router's whole live state is written to when the application stops, and restored from
 *     when it starts (then moved aside to the same name with .restored), so a single-instance host survives a deploy.
 *     Left out (the default), no state is kept across restarts.
 * @param redis Where the router's live state is kept when several instances share it (routing-redis on the class
 *     path): left out, the state is the embedded store's, in this JVM.
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        @DefaultValue("classpath:routing.json") String config,
        @DefaultValue("true") boolean tickEnabled,
        @DefaultValue("5s") Duration tickInterval,
        @DefaultValue("5m") Duration atRiskHorizon,
        String stateFile,
        @DefaultValue Redis redis) {

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
        if (stateFile != null && stateFile.isBlank()) {
            throw new IllegalArgumentException("switchboard.state-file must name a file, such as"
                    + " /var/lib/helpdesk/routing-state.json, or be left out, was '" + stateFile + "'");
        }
        if (redis == null) {
            redis = new Redis(null, "default");
        }
        if (stateFile != null && redis.uri() != null) {
            throw new IllegalArgumentException("switchboard.state-file keeps the embedded store's state across"
                    + " restarts, but switchboard.redis.uri keeps the state in Redis, which outlives restarts itself:"
                    + " set one of them");
        }
    }

    /**
     * The {@code switchboard.redis.*} properties.
     *
     * @param uri The Redis to keep the router's live state in, such as redis://redis:6379/0 (routing-redis must be
     *     on the class path). Every instance with the same uri and tenant shares one live state.
     * @param tenant The tenant whose state this application routes: its keys share one Redis Cluster hash tag.
     */
    public record Redis(String uri, @DefaultValue("default") String tenant) {

        public Redis {
            if (uri != null && uri.isBlank()) {
                throw new IllegalArgumentException("switchboard.redis.uri must name a Redis, such as"
                        + " redis://localhost:6379, or be left out, was '" + uri + "'");
            }
        }
    }
}

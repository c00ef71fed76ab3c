/**
 * Switchboard on Spring Boot: the auto-configuration of a {@link dev.switchboard.routing.Router} from a JSON routing
 * configuration ({@code switchboard.config}), the {@link dev.switchboard.routing.spring.RouterTicker} that calls
 * {@code tick()} on a schedule, and, with Actuator, the {@code switchboard} endpoint and health indicator. Every bean
 * backs off when the host defines its own.
 */
package dev.switchboard.routing.spring;

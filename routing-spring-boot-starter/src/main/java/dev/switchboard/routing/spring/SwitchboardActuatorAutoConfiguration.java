package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import java.time.InstantSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator: the {@code switchboard} endpoint (when available: enabled and exposed) and, with Boot's health
 * support, the {@code switchboard} health indicator ({@code management.health.switchboard.enabled}, on by default).
 * Both read the router bean, whether auto-configured or the host's.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Router.class)
public class SwitchboardActuatorAutoConfiguration {

    /** The {@code switchboard} endpoint. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    public SwitchboardEndpoint switchboardEndpoint(Router router, InstantSource clock,
            SwitchboardProperties properties) {
        return new SwitchboardEndpoint(router, clock, properties.atRiskHorizon());
    }

    /** The {@code switchboard} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("switchboard")
    static class HealthConfiguration {

        /** Backs off when the host has a bean of this name, which names the indicator {@code switchboard} too. */
        @Bean
        @ConditionalOnMissingBean(name = "switchboardHealthIndicator")
        HealthIndicator switchboardHealthIndicator(Router router, InstantSource clock,
                SwitchboardProperties properties) {
            return new SwitchboardHealthIndicator(router, clock, properties.atRiskHorizon());
        }
    }
}

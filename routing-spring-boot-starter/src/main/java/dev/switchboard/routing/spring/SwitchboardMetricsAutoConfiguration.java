package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.metrics.RoutingMetrics;
import dev.switchboard.routing.micrometer.RoutingMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The router's metrics in the host's Micrometer registries, when Micrometer and {@code routing-micrometer} are on the
 * classpath and the starter builds the router from its configuration: a {@link RoutingMeters} bean, which the router
 * takes as one of its listeners (every {@code RoutingListener} bean is one), over a {@link RoutingMetrics} of the
 * configuration's roster; and a {@link MeterBinder} that Boot applies to each registry, publishing the
 * {@code switchboard.*} meters. A host that builds its own router wires {@link RoutingMeters} itself; either bean
 * backs off when the host defines one.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, RoutingMeters.class})
@ConditionalOnBean({Router.class, RoutingConfig.class})
public class SwitchboardMetricsAutoConfiguration {

    /**
     * The meters over the configuration's roster, on the router's clock.
     *
     * @param config the routing configuration the router is built from
     * @param clock the router's clock
     * @return the meters, a listener of the router
     */
    @Bean
    @ConditionalOnMissingBean
    public RoutingMeters switchboardMeters(RoutingConfig config, InstantSource clock) {
        return RoutingMeters.of(RoutingMetrics.builder().owners(config.owners()).since(clock.instant()).build(), clock);
    }

    /**
     * Publishes the meters to each registry Boot binds it to.
     *
     * @param meters the router's meters
     * @param router the router whose retried decisions are counted
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean(name = "switchboardMeterBinder")
    public MeterBinder switchboardMeterBinder(RoutingMeters meters, Router router) {
        return registry -> meters.bindTo(registry, router);
    }
}

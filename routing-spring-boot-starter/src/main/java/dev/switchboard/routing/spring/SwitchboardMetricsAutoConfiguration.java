package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * The hook for metrics: applies when Micrometer is on the classpath and there is a router. It declares nothing yet;
 * the binding of the router's metrics to the {@link MeterRegistry} bean comes from the {@code routing-micrometer}
 * module and is to be declared here (a {@link RouterCustomizer} or a binder bean, each
 * {@code @ConditionalOnMissingBean}), so that the starter never measures anything of its own.
 */
@AutoConfiguration(after = SwitchboardAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Router.class)
public class SwitchboardMetricsAutoConfiguration {
}

package dev.switchboard.routing.spring;

import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.fillAndQueue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.metrics.RoutingMetrics;
import dev.switchboard.routing.micrometer.RoutingMeters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SwitchboardMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
                    SwitchboardMetricsAutoConfiguration.class))
            .withUserConfiguration(SwitchboardAutoConfigurationTests.ManualClockConfiguration.class)
            .withPropertyValues("switchboard.tick-enabled=false");

    @Test
    void theRoutersDecisionsReachTheRegistry_throughTheMetersItListensWith() {
        runner.run(context -> {
            Router router = context.getBean(Router.class);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean("switchboardMeterBinder", MeterBinder.class).bindTo(registry);

            fillAndQueue(router);

            assertThat(registry.get("switchboard.queue.size").tag("queue", "waiting").gauge().value()).isEqualTo(1);
            assertThat(registry.get("switchboard.decisions").functionCounters().stream()
                    .mapToDouble(FunctionCounter::count).sum()).isEqualTo(3);
            assertThat(registry.get("switchboard.decisions").tag("outcome", "queued").functionCounter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void backsOff_whenTheHostBuildsItsOwnRouter_orDefinesItsOwnMeters() {
        runner.withUserConfiguration(SwitchboardAutoConfigurationTests.OwnRouter.class)
                .run(context -> assertThat(context).hasSingleBean(Router.class).doesNotHaveBean(RoutingMeters.class)
                        .doesNotHaveBean("switchboardMeterBinder"));
        runner.withBean("hostMeters", RoutingMeters.class,
                () -> RoutingMeters.of(RoutingMetrics.create(), Clock.systemUTC()))
                .run(context -> assertThat(context).getBean(RoutingMeters.class)
                        .isSameAs(context.getBean("hostMeters")));
    }

    @Test
    void appliesOnlyWithRoutingMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(RoutingMeters.class))
                .run(context -> assertThat(context).hasSingleBean(Router.class).doesNotHaveBean(MeterBinder.class));
    }
}

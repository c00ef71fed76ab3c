package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A {@link Router} built from the routing configuration at {@code switchboard.config} (default
 * {@code classpath:routing.json}, read only for this router), on the {@link InstantSource} bean (the system clock in UTC unless the host has
 * one), with every {@link RoutingListener} bean as a listener and every {@link RouterCustomizer} applied, carried
 * across restarts by a {@link RouterStateFile} when {@code switchboard.state-file} names one; and a
 * {@link RouterTicker} that ticks it every {@code switchboard.tick-interval} on a scheduler of its own, named
 * {@value #TASK_SCHEDULER}, unless {@code switchboard.tick-enabled=false}. Each bean backs off when the host defines
 * one of the same type (the scheduler: of the same name).
 *
 * <p>It runs after Boot's task scheduling, so that a host with {@code @EnableScheduling} keeps Boot's own
 * {@code taskScheduler} for its {@code @Scheduled} methods.
 */
@AutoConfiguration(after = TaskSchedulingAutoConfiguration.class)
@EnableConfigurationProperties(SwitchboardProperties.class)
public class SwitchboardAutoConfiguration {

    /** The name of the scheduler bean the ticker runs on; define a bean of this name to give it another. */
    public static final String TASK_SCHEDULER = "switchboardTaskScheduler";

    /** The clock the router and the endpoint read: the system clock in UTC. */
    @Bean
    @ConditionalOnMissingBean
    public InstantSource switchboardClock() {
        return Clock.systemUTC();
    }

    /** The routing configuration at {@code switchboard.config}; not read when the host has its own router. */
    @Bean
    @ConditionalOnMissingBean({RoutingConfig.class, Router.class})
    public RoutingConfig switchboardRoutingConfig(SwitchboardProperties properties, ResourceLoader resources) {
        return RoutingConfigResource.load(properties.config(), resources);
    }

    /** The router: the configuration's roster (every owner online), plan, identities and deadlines. */
    @Bean
    @ConditionalOnMissingBean
    public Router switchboardRouter(RoutingConfig config, InstantSource clock,
            ObjectProvider<RoutingListener> listeners, ObjectProvider<RouterCustomizer> customizers,
            ObjectProvider<RouterStateFile> stateFile) {
        RouterStateFile state = stateFile.getIfAvailable();
        Router.Builder builder = (state == null ? config.routerBuilder() : state.routerBuilder(config)).clock(clock);
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        Router router = builder.build();
        if (state != null) {
            state.keep(router);
        }
        return router;
    }

    /** The file that carries the router's state across restarts, when {@code switchboard.state-file} names one. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "switchboard", name = "state-file")
    public RouterStateFile switchboardStateFile(SwitchboardProperties properties) {
        return new RouterStateFile(Path.of(properties.stateFile()));
    }

    /** Ticks the router on a schedule, unless {@code switchboard.tick-enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "switchboard", name = "tick-enabled", havingValue = "true",
            matchIfMissing = true)
    static class Ticking {

        /** One thread, named {@code switchboard-tick-1}, for the ticks only. */
        @Bean(TASK_SCHEDULER)
        @ConditionalOnMissingBean(name = TASK_SCHEDULER)
        ThreadPoolTaskScheduler switchboardTaskScheduler() {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("switchboard-tick-");
            return scheduler;
        }

        @Bean
        @ConditionalOnMissingBean
        RouterTicker switchboardTicker(Router router, @Qualifier(TASK_SCHEDULER) TaskScheduler scheduler,
                SwitchboardProperties properties) {
            return new RouterTicker(router, scheduler, properties.tickInterval());
        }
    }
}

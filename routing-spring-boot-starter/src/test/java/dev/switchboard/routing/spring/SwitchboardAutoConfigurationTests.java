package dev.switchboard.routing.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class SwitchboardAutoConfigurationTests {

    static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class));

    static Conversation english(String id, Instant at) {
        return Conversation.builder(id).customer("customer-of-" + id).channel("chat").language("en").createdAt(at)
                .build();
    }

    static List<String> rosterIds(Router router) {
        return router.roster().stream().map(status -> status.owner().id()).toList();
    }

    @Nested
    class Defaults {

        @Test
        void buildsTheRouterFromClasspathRoutingJson() {
            runner.run(context -> {
                Router router = context.getBean(Router.class);
                assertThat(rosterIds(router)).containsExactly("ana", "ben");
                assertThat(router.plan().queues()).extracting(QueueSpec::name).containsExactly("waiting", "review");
                assertThat(context.getBean(RoutingConfig.class).owners()).hasSize(2);
            });
        }

        @Test
        void readsTheTimeFromTheSystemClockInUtc() {
            runner.run(context -> assertThat(context.getBean(InstantSource.class))
                    .isInstanceOfSatisfying(Clock.class,
                            clock -> assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC)));
        }

        @Test
        void ticksEveryFiveSecondsOnASchedulerOfItsOwn() {
            runner.run(context -> {
                assertThat(context.getBean(RouterTicker.class).interval()).isEqualTo(Duration.ofSeconds(5));
                assertThat(context.getBean(RouterTicker.class).isRunning()).isTrue();
                assertThat(context.getBean(SwitchboardAutoConfiguration.TASK_SCHEDULER))
                        .isInstanceOf(ThreadPoolTaskScheduler.class);
            });
        }

        @Test
        void theProperties() {
            runner.run(context -> assertThat(context.getBean(SwitchboardProperties.class)).isEqualTo(
                    new SwitchboardProperties("classpath:routing.json", true, Duration.ofSeconds(5),
                            Duration.ofMinutes(5), null, new SwitchboardProperties.Redis(null, "default"))));
        }
    }

    @Nested
    class Properties {

        @Test
        void switchboardConfigPointsAtAnotherDocument() {
            runner.withPropertyValues("switchboard.config=classpath:one-owner-routing.json")
                    .run(context -> assertThat(rosterIds(context.getBean(Router.class))).containsExactly("carla"));
        }

        @Test
        void tickIntervalSetsThePeriod() {
            runner.withPropertyValues("switchboard.tick-interval=250ms").run(context -> assertThat(
                    context.getBean(RouterTicker.class).interval()).isEqualTo(Duration.ofMillis(250)));
        }

        @Test
        void tickEnabledFalseLeavesTheTickingToTheHost() {
            runner.withPropertyValues("switchboard.tick-enabled=false").run(context -> {
                assertThat(context).hasSingleBean(Router.class).doesNotHaveBean(RouterTicker.class)
                        .doesNotHaveBean(SwitchboardAutoConfiguration.TASK_SCHEDULER);
            });
        }
    }

    @Nested
    class Overrides {

        @Test
        void theHostsClockDrivesTheRouter() {
            runner.withUserConfiguration(ManualClockConfiguration.class).run(context -> {
                Decision.Queued queued = (Decision.Queued) fillAndQueue(context.getBean(Router.class));
                assertThat(queued.slaDeadline()).isEqualTo(NINE.plus(Duration.ofMinutes(10)));
            });
        }

        @Test
        void theHostsRoutingConfigReplacesTheDocument() {
            runner.withUserConfiguration(OwnConfig.class).run(context -> {
                assertThat(context.getBean(RoutingConfig.class)).isSameAs(context.getBean(OwnConfig.class).config);
                assertThat(rosterIds(context.getBean(Router.class))).containsExactly("carla");
            });
        }

        @Test
        void theHostsRouterReplacesTheAutoConfiguredOne() {
            runner.withUserConfiguration(OwnRouter.class).run(context -> {
                assertThat(context).hasSingleBean(Router.class);
                assertThat(rosterIds(context.getBean(Router.class))).containsExactly("zoe");
                assertThat(context.getBean(RouterTicker.class).isRunning()).isTrue();
            });
        }

        @Test
        void withTheHostsRouterNoRoutingJsonIsNeeded() {
            runner.withUserConfiguration(OwnRouter.class)
                    .withClassLoader(new FilteredClassLoader(new ClassPathResource("routing.json")))
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Router.class)
                            .doesNotHaveBean(RoutingConfig.class));
        }

        @Test
        void listenerBeansHearTheRouterAndCustomizersChangeItsBuilder() {
            runner.withUserConfiguration(ListenerAndCustomizer.class).run(context -> {
                Router router = context.getBean(Router.class);
                router.route(english("c-1", Instant.now()));
                ListenerAndCustomizer beans = context.getBean(ListenerAndCustomizer.class);
                assertThat(beans.heard).hasAtLeastOneElementOfType(RoutingEvent.Assigned.class);
                assertThat(beans.recorded).hasAtLeastOneElementOfType(RoutingEvent.Assigned.class);
            });
        }

        @Test
        void aSchedulerBeanOfTheSameNameRunsTheTicks() {
            runner.withUserConfiguration(OwnScheduler.class).run(context -> {
                assertThat(context.getBean(SwitchboardAutoConfiguration.TASK_SCHEDULER))
                        .isSameAs(context.getBean(OwnScheduler.class).scheduler);
                assertThat(context.getBean(OwnScheduler.class).scheduler.scheduled).isEqualTo(Duration.ofSeconds(5));
            });
        }

        @Test
        void theHostsScheduledMethodsKeepBootsOwnScheduler() {
            runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
                    .withUserConfiguration(HostSchedules.class).run(context -> {
                        assertThat(context).hasBean("taskScheduler")
                                .hasBean(SwitchboardAutoConfiguration.TASK_SCHEDULER);
                        assertThat(context.getBean("taskScheduler"))
                                .isNotSameAs(context.getBean(SwitchboardAutoConfiguration.TASK_SCHEDULER));
                    });
        }
    }

    @Nested
    class Failures {

        @Test
        void aMissingDocumentNamesThePropertyAndThePath() {
            runner.withPropertyValues("switchboard.config=classpath:nowhere/routing.json").run(context ->
                    assertThat(context).getFailure().rootCause().isInstanceOf(RoutingConfigUnavailable.class)
                            .hasMessageStartingWith("switchboard.config is 'classpath:nowhere/routing.json', but"
                                    + " there is no such resource"));
        }

        @Test
        void theFailureAnalysisSaysWhatToDo() {
            runner.withPropertyValues("switchboard.config=classpath:nowhere/routing.json").run(context -> {
                FailureAnalysis analysis = new RoutingConfigFailureAnalyzer().analyze(context.getStartupFailure());

                assertThat(analysis.getDescription()).isEqualTo(
                        "switchboard.config is 'classpath:nowhere/routing.json', but there is no such resource");
                assertThat(analysis.getAction()).isEqualTo("Put a routing configuration (its format is in"
                        + " docs/configuration.md) at classpath:nowhere/routing.json, or set switchboard.config to"
                        + " where it is.");
            });
        }

        @Test
        void bootFindsTheFailureAnalyzer() {
            // Boot's own analyzers need a bean factory to be built: those that cannot be are passed over here.
            assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                    SpringFactoriesLoader.ArgumentResolver.none(), (type, name, failure) -> { }))
                    .hasAtLeastOneElementOfType(RoutingConfigFailureAnalyzer.class);
        }

        @Test
        void withoutRoutingJsonOnTheClasspathTheDefaultIsNamed() {
            runner.withClassLoader(new FilteredClassLoader(new ClassPathResource("routing.json"))).run(context ->
                    assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("switchboard.config is 'classpath:routing.json'"));
        }

        @Test
        void anInvalidDocumentListsItsProblemsAtTheirPaths() {
            runner.withPropertyValues("switchboard.config=classpath:invalid-routing.json").run(context ->
                    assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("owners[0].capacity")
                            .hasMessageContaining("rules[0].then.queue"));
            runner.withPropertyValues("switchboard.config=classpath:invalid-routing.json").run(context ->
                    assertThat(context).getFailure().hasStackTraceContaining(
                            "switchboard.config 'classpath:invalid-routing.json': the routing configuration has"));
        }

        @Test
        void aTickIntervalOfZeroIsRefused() {
            runner.withPropertyValues("switchboard.tick-interval=0s").run(context ->
                    assertThat(context).getFailure().rootCause()
                            .hasMessage("switchboard.tick-interval must be positive, was PT0S"));
        }
    }

    /** Fills both owners of routing.json, so that the third conversation waits in "waiting". */
    static Decision fillAndQueue(Router router) {
        router.route(english("c-1", NINE));
        router.route(english("c-2", NINE));
        return router.route(english("c-3", NINE));
    }

    @Configuration(proxyBeanMethods = false)
    static class ManualClockConfiguration {
        @Bean
        ManualClock manualClock() {
            return new ManualClock(NINE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConfig {
        final RoutingConfig config = RoutingConfig.load("""
                {"owners": [{"id": "carla"}], "queues": [{"id": "review", "sla": "PT1M"}],
                 "rules": [{"id": "review", "then": {"queue": "review"}}]}""");

        @Bean
        RoutingConfig routingConfig() {
            return config;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRouter {
        @Bean
        Router router() {
            return Router.builder().owner(Owner.agent("zoe").build())
                    .chain(new RoundRobin())
                    .fallbackQueue("waiting", Duration.ofMinutes(1)).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerAndCustomizer {
        final List<RoutingEvent> heard = new CopyOnWriteArrayList<>();
        final List<RoutingEvent> recorded = new CopyOnWriteArrayList<>();

        @Bean
        RoutingListener listener() {
            return heard::add;
        }

        @Bean
        RouterCustomizer customizer() {
            return builder -> builder.listener(recorded::add);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnScheduler {
        final RecordingScheduler scheduler = new RecordingScheduler();

        @Bean(SwitchboardAutoConfiguration.TASK_SCHEDULER)
        TaskScheduler switchboardTaskScheduler() {
            return scheduler;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class HostSchedules {
    }
}

package dev.switchboard.routing.spring;

import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.NINE;
import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.english;
import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.fillAndQueue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.spring.SwitchboardEndpoint.AtRisk;
import dev.switchboard.routing.spring.SwitchboardEndpoint.OwnerLoad;
import dev.switchboard.routing.spring.SwitchboardEndpoint.QueueSize;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SwitchboardActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SwitchboardAutoConfiguration.class,
                    SwitchboardActuatorAutoConfiguration.class, SwitchboardMetricsAutoConfiguration.class))
            .withUserConfiguration(SwitchboardAutoConfigurationTests.ManualClockConfiguration.class)
            .withPropertyValues("switchboard.tick-enabled=false",
                    "management.endpoints.web.exposure.include=switchboard");

    @Nested
    class TheEndpoint {

        @Test
        void showsTheQueuesTheConversationsAtRiskAndTheRoster() {
            runner.run(context -> {
                Router router = context.getBean(Router.class);
                ManualClock clock = context.getBean(ManualClock.class);
                fillAndQueue(router);
                clock.advance(Duration.ofMinutes(6));

                SwitchboardEndpoint.Overview overview = context.getBean(SwitchboardEndpoint.class).overview();

                assertThat(overview.queues()).containsExactly(new QueueSize("waiting", Duration.ofMinutes(10), 1),
                        new QueueSize("review", Duration.ofMinutes(30), 0));
                assertThat(overview.atRiskWithin()).isEqualTo(Duration.ofMinutes(5));
                assertThat(overview.atRisk()).containsExactly(new AtRisk("c-3", "waiting", Priority.NORMAL, false,
                        NINE, NINE.plus(Duration.ofMinutes(10)), false));
                assertThat(overview.roster()).containsExactly(
                        new OwnerLoad("ana", Presence.ONLINE, 1, 1, Map.of("chat", 1)),
                        new OwnerLoad("ben", Presence.ONLINE, 1, 1, Map.of("chat", 1)));
            });
        }

        @Test
        void countsAConversationAtRiskOnlyWithinTheHorizon() {
            runner.withPropertyValues("switchboard.at-risk-horizon=2m").run(context -> {
                fillAndQueue(context.getBean(Router.class));
                ManualClock clock = context.getBean(ManualClock.class);
                SwitchboardEndpoint endpoint = context.getBean(SwitchboardEndpoint.class);

                clock.advance(Duration.ofMinutes(7));
                List<AtRisk> sevenMinutesIn = endpoint.overview().atRisk();
                clock.advance(Duration.ofMinutes(4));
                List<AtRisk> elevenMinutesIn = endpoint.overview().atRisk();

                assertThat(sevenMinutesIn).isEmpty();
                assertThat(elevenMinutesIn).singleElement().satisfies(atRisk -> {
                    assertThat(atRisk.conversationId()).isEqualTo("c-3");
                    assertThat(atRisk.breached()).isTrue();
                });
            });
        }

        @Test
        void isLeftOutWhenTheHostTurnsItOff() {
            runner.withPropertyValues("management.endpoint.switchboard.access=NONE")
                    .run(context -> assertThat(context).doesNotHaveBean(SwitchboardEndpoint.class));
        }
    }

    @Nested
    class TheHealth {

        @Test
        void isUpWithDetailsWhileNothingBreached() {
            runner.run(context -> {
                fillAndQueue(context.getBean(Router.class));
                context.getBean(ManualClock.class).advance(Duration.ofMinutes(6));

                Health health = health(context.getBean("switchboardHealthIndicator", HealthIndicator.class));

                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("waiting", 1, "breached", 0L,
                        "breachedQueues", List.of(), "atRisk", 1L, "atRiskWithin", "PT5M", "ownersAvailable", 2L,
                        "owners", 2));
            });
        }

        @Test
        void isOutOfServiceOnceAWaitingConversationBreachedItsSla() {
            runner.run(context -> {
                fillAndQueue(context.getBean(Router.class));
                context.getBean(ManualClock.class).advance(Duration.ofMinutes(10));

                Health health = health(context.getBean("switchboardHealthIndicator", HealthIndicator.class));

                assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                assertThat(health.getDetails()).containsEntry("breached", 1L)
                        .containsEntry("breachedQueues", List.of("waiting"));
            });
        }

        @Test
        void isDownWhenConversationsWaitAndNobodyCanTakeWork() {
            runner.run(context -> {
                Router router = context.getBean(Router.class);
                router.setPresence("ana", Presence.AWAY);
                router.setPresence("ben", Presence.OFFLINE);
                router.route(english("c-1", NINE));

                Health health = health(context.getBean("switchboardHealthIndicator", HealthIndicator.class));

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("waiting", 1).containsEntry("ownersAvailable", 0L);
            });
        }

        @Test
        void isUpWhenNobodyWorksAndNothingWaits() {
            runner.run(context -> {
                Router router = context.getBean(Router.class);
                router.setPresence("ana", Presence.OFFLINE);
                router.setPresence("ben", Presence.OFFLINE);

                assertThat(health(context.getBean("switchboardHealthIndicator", HealthIndicator.class)).getStatus())
                        .isEqualTo(Status.UP);
            });
        }

        @Test
        void isLeftOutWhenTheHostTurnsItOff() {
            runner.withPropertyValues("management.health.switchboard.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean("switchboardHealthIndicator"));
        }

        @Test
        void aHostIndicatorOfTheSameNameReplacesIt() {
            runner.withBean("switchboardHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
                    .run(context -> assertThat(health(context.getBean("switchboardHealthIndicator",
                            HealthIndicator.class)).getStatus()).isEqualTo(Status.UNKNOWN));
        }

        private static Health health(HealthIndicator indicator) {
            return indicator.health(true);
        }
    }

    @Nested
    class WithoutActuatorOrMicrometer {

        @Test
        void withoutActuatorTheRouterStillRuns() {
            runner.withClassLoader(new FilteredClassLoader(Endpoint.class)).run(context -> assertThat(context)
                    .hasSingleBean(Router.class).doesNotHaveBean(SwitchboardEndpoint.class)
                    .doesNotHaveBean("switchboardHealthIndicator"));
        }

        @Test
        void theMetricsHookAppliesOnlyWithMicrometer() {
            runner.run(context -> assertThat(context).hasSingleBean(SwitchboardMetricsAutoConfiguration.class));
            runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                    .run(context -> assertThat(context).doesNotHaveBean(SwitchboardMetricsAutoConfiguration.class));
        }
    }
}

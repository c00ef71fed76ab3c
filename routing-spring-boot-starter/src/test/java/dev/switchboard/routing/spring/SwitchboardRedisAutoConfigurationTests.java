package dev.switchboard.routing.spring;

import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.NINE;
import static dev.switchboard.routing.spring.SwitchboardAutoConfigurationTests.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.redis.RedisRoutingStore;
import dev.switchboard.routing.testkit.RedisProcess;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code switchboard.redis.uri}: two application contexts on one Redis and tenant are two instances of one host,
 * sharing one live state, against a real redis-server the test starts itself.
 */
class SwitchboardRedisAutoConfigurationTests {

    private static RedisProcess server;

    private final String tenant = "spring-" + UUID.randomUUID();

    @BeforeAll
    static void startRedis() {
        server = new RedisProcess(false);
        server.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    private ApplicationContextRunner instance() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardRedisAutoConfiguration.class,
                        SwitchboardAutoConfiguration.class))
                .withUserConfiguration(SwitchboardAutoConfigurationTests.ManualClockConfiguration.class)
                .withPropertyValues("switchboard.redis.uri=" + server.uri(), "switchboard.redis.tenant=" + tenant,
                        "switchboard.tick-enabled=false");
    }

    private static String place(Router router, String id) {
        return router.placement(id).map(place -> place instanceof Placement.Owned owned
                ? "owned by " + owned.ownerId() : "waiting").orElse("nowhere");
    }

    @Test
    void twoInstancesOnOneTenant_shareOneLiveState() {
        instance().run(first -> {
            assertThat(first).hasSingleBean(RedisRoutingStore.class);
            Router one = first.getBean(Router.class);
            one.route(english("c1", NINE));
            one.route(english("c2", NINE));

            instance().run(second -> {
                Router two = second.getBean(Router.class);
                assertThat(place(two, "c1")).isEqualTo(place(one, "c1")).startsWith("owned by");
                two.route(english("c3", NINE));
                assertThat(place(one, "c3")).as("both agents full: it waits, and both instances see it")
                        .isEqualTo("waiting");
                two.release("c1");
                assertThat(place(one, "c3")).as("drained by the instance that released").startsWith("owned by");
            });
        });
    }

    @Test
    void withoutTheUri_theRouterKeepsItsStateInThisJvm() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwitchboardRedisAutoConfiguration.class,
                SwitchboardAutoConfiguration.class)).run(context -> {
                    assertThat(context).hasSingleBean(Router.class).doesNotHaveBean(RedisRoutingStore.class);
                    context.getBean(Router.class).route(english("c1", NINE));
                });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SwitchboardRedisAutoConfiguration.class,
                SwitchboardAutoConfiguration.class)).run(context -> assertThat(
                        place(context.getBean(Router.class), "c1")).isEqualTo("nowhere"));
    }

    @Test
    void theHostsOwnStore_isTheOneTheRouterIsBuiltOn() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SwitchboardRedisAutoConfiguration.class,
                        SwitchboardAutoConfiguration.class))
                .withUserConfiguration(OwnStore.class).withPropertyValues("switchboard.tick-enabled=false")
                .run(context -> {
                    Router router = context.getBean(Router.class);
                    router.route(english("c1", NINE));
                    try (RedisRoutingStore other = RedisRoutingStore.builder().uri(server.uri())
                            .tenant(OwnStore.TENANT).build()) {
                        assertThat(other.placement("c1")).as("written to the host's tenant").isPresent();
                    }
                });
    }

    @Test
    void aStateFileBesideRedis_isRefusedNamingBoth() {
        instance().withPropertyValues("switchboard.state-file=/tmp/never-written.json").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining(
                        "switchboard.state-file keeps the embedded store's state across restarts, but"
                                + " switchboard.redis.uri keeps the state in Redis"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        static final String TENANT = "own-" + UUID.randomUUID();

        @Bean
        RedisRoutingStore ownStore() {
            return RedisRoutingStore.builder().uri(server.uri()).tenant(TENANT).build();
        }
    }
}

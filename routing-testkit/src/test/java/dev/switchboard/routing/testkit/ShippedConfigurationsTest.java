package dev.switchboard.routing.testkit;

import dev.switchboard.routing.OfflinePolicy;
import dev.switchboard.routing.config.RoutingConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every configuration the project ships keeps every invariant: the three examples and the simulator's rules, read from
 * where they live in routing-examples, so that this test follows every change to them.
 */
class ShippedConfigurationsTest {

    private static final Path RESOURCES = Path.of("..", "routing-examples", "src", "main", "resources");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"config/dental-clinic.json", "config/b2b-leads.json", "config/airline-after-sales.json",
            "simulator/helpdesk-rules.json"})
    void keepsEveryInvariant(String configuration) {
        SwitchboardInvariants.check(RoutingConfig.load(RESOURCES.resolve(configuration)));
    }

    @Test
    void dentalClinicKeepsEveryInvariant_whenOfflineOwnersKeepTheirConversationsForAWhile() {
        RoutingConfig dental = RoutingConfig.load(RESOURCES.resolve("config/dental-clinic.json"));

        SwitchboardInvariants.check(dental, builder -> builder.offlinePolicy(OfflinePolicy.keepFor(
                Duration.ofMinutes(5))), SwitchboardInvariants.Options.defaults().tries(50));
    }
}

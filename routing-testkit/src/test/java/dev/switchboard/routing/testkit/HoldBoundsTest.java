package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.config.RoutingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waits a rule's steps may hold a conversation are read from the configuration's document. */
class HoldBoundsTest {

    @Test
    void stickyWaitWindowsAndAgentPickDeadlines_addUpPerRule() {
        RoutingConfig config = RoutingConfig.load("""
                {"owners": [{"id": "ana"}],
                 "queues": [{"id": "pool", "sla": "PT1H"}, {"id": "review", "sla": "PT1H"}],
                 "rules": [
                   {"id": "picked", "when": {"type": "booking"},
                    "then": {"queue": "review", "chain": [{"type": "sticky", "waitWindow": "PT2M"},
                             {"type": "agent-pick", "pool": "pool", "deadline": "PT10M"}, {"type": "round-robin"}]}},
                   {"id": "sticky", "when": {"type": "billing"},
                    "then": {"queue": "review", "chain": [{"type": "sticky"}, {"type": "least-loaded"}]}},
                   {"id": "review", "then": {"queue": "review"}}]}
                """);

        assertThat(HoldBounds.of(config)).isEqualTo(Map.of("picked", Duration.ofMinutes(12)));
    }

    @Test
    void theDentalClinicHoldsFrontDeskConversationsForTheirPreviousOwnerTwoMinutes() {
        RoutingConfig dental = RoutingConfig.load(Path.of("..", "routing-examples", "src", "main", "resources",
                "config", "dental-clinic.json"));

        assertThat(HoldBounds.of(dental)).isEqualTo(Map.of("front-desk", Duration.ofMinutes(2)));
    }
}

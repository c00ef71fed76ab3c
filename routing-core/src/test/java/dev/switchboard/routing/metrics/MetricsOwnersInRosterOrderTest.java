package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics that learn the roster from the router's first input list the owners in roster order, as their javadoc says:
 * the input kept the presences in a copied map, whose order changes from one JVM to the next.
 */
class MetricsOwnersInRosterOrderTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> ROSTER = List.of("o6", "o5", "o4", "o3", "o2", "o1");

    @Test
    void ownersLearntFromTheRosterInput_areListedInRosterOrder() {
        Map<String, Presence> presences = new LinkedHashMap<>();
        ROSTER.forEach(id -> presences.put(id, Presence.ONLINE));
        RouterInput.Roster roster = new RouterInput.Roster(presences);
        RoutingMetrics metrics = RoutingMetrics.create();

        metrics.onEvent(new RoutingEvent.Input(AT, roster));

        assertThat(roster.presences().keySet()).containsExactlyElementsOf(ROSTER);
        assertThat(metrics.snapshot(AT).owners()).extracting(OwnerFigures::ownerId).containsExactlyElementsOf(ROSTER);
    }
}

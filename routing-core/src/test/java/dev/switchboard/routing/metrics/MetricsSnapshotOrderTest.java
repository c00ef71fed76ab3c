package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The figures a publisher lists (decision keys, reroute reasons, an owner's teams) come in a defined order, the same on
 * every JVM: copied maps and sets iterate in an order that changes from one JVM to the next, and a Micrometer
 * binding registers its meters, and joins an owner's teams into a tag, in the order it is given.
 */
class MetricsSnapshotOrderTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void decisionsAndReroutes_areListedInKeyOrder_notInTheOrderTheyWereCounted() {
        Map<DecisionKey, Long> decisions = Map.of(
                new DecisionKey("vip", "round-robin", "", Outcome.ASSIGNED), 1L,
                new DecisionKey("billing", "skills", "billing", Outcome.QUEUED), 2L,
                new DecisionKey("billing", "skills", "", Outcome.ASSIGNED), 3L,
                new DecisionKey("billing", "least-loaded", "", Outcome.ASSIGNED), 4L,
                new DecisionKey("", "claim", "billing", Outcome.ASSIGNED), 5L,
                new DecisionKey("billing", "skills", "", Outcome.REJECTED), 6L);
        Map<RerouteReason, Long> reroutes = Map.of(RerouteReason.OTHER, 1L, RerouteReason.OWNER_LEFT, 2L,
                RerouteReason.OWNER_OFFLINE, 3L, RerouteReason.RESPONSE_DEADLINE_MISSED, 4L,
                RerouteReason.OFFLINE_GRACE_EXPIRED, 5L);

        MetricsSnapshot snapshot = new MetricsSnapshot(AT, 0, DurationSummary.empty(), DurationSummary.empty(),
                Map.of(), decisions, reroutes, 0, List.of(), List.of(), new OfferFigures(0, 0, 0, 0, 0));

        assertThat(snapshot.decisions().values()).containsExactly(5L, 4L, 3L, 6L, 2L, 1L);
        assertThat(snapshot.reroutes().keySet()).containsExactly(RerouteReason.values());
    }

    @Test
    void anOwnersTeams_areInNameOrder_asTheirJavadocSays() {
        OwnerFigures figures = new OwnerFigures("ana", Set.of("support", "billing", "vip", "escalations", "sales"), 0,
                0, 0);

        assertThat(figures.teams()).containsExactly("billing", "escalations", "sales", "support", "vip");
    }
}

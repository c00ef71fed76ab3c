package dev.switchboard.routing.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The round-robin check counts turns among owners that could take every conversation of a stretch. */
class RotationSpreadTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final RoutingPlan PLAN = new RoutingPlan(List.of(new QueueSpec("waiting", Duration.ofMinutes(5))),
            List.of(Rule.builder("everyone").chain(new RoundRobin()).queue("waiting").build()));

    private final Shadow shadow = new Shadow(Set.of(Invariant.values()));

    private Shadow withOwners(Owner... owners) {
        shadow.start(List.of(owners).stream().map(owner -> new OwnerStatus(owner, Presence.ONLINE, 0, Map.of(),
                List.of(), Instant.MIN)).toList(), new RotationSpread(PLAN));
        return shadow;
    }

    private void assign(int number, String ownerId) {
        Conversation conversation = Conversation.builder("c" + number).customer("cust-" + number).channel("chat")
                .createdAt(NINE).build();
        shadow.onEvent(new RoutingEvent.Assigned(NINE.plusSeconds(number), conversation, ownerId, "round-robin",
                Trace.of("round-robin", new Verdict.Assign(ownerId, "next in rotation", Map.of()))));
    }

    @Test
    void twoTurnsInARowForOneOfTwoEligibleOwners_isASpreadOfTwo() {
        withOwners(Owner.agent("ana").capacity(5).build(), Owner.agent("ben").capacity(5).build());

        assign(1, "ana");
        assign(2, "ana");

        assertThat(shadow.violation()).map(Violation::invariant).contains(Invariant.ROUND_ROBIN_SPREAD);
        assertThat(shadow.violation().orElseThrow().detail())
                .isEqualTo("round-robin of rule everyone gave ana 2 and ben 0 conversations since 09:00, both able"
                        + " to take each of them");
    }

    @Test
    void turnsWhileTheOtherOwnerIsFull_doNotCount() {
        withOwners(Owner.agent("ana").capacity(5).build(), Owner.agent("ben").capacity(1).build());

        assign(1, "ben");
        assign(2, "ana");
        assign(3, "ana");
        assign(4, "ana");

        assertThat(shadow.violation()).isEqualTo(Optional.empty());
    }

    @Test
    void alternatingTurns_keepTheSpreadWithinOne() {
        withOwners(Owner.agent("ana").capacity(5).build(), Owner.agent("ben").capacity(5).build());

        assign(1, "ana");
        assign(2, "ben");
        assign(3, "ana");
        assign(4, "ben");

        assertThat(shadow.violation()).isEmpty();
    }
}

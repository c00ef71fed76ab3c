package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.NOW;
import static dev.switchboard.routing.strategy.Fixtures.candidate;
import static dev.switchboard.routing.strategy.Fixtures.conversation;
import static dev.switchboard.routing.strategy.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastLoadedTest {

    private final LeastLoaded leastLoaded = new LeastLoaded();

    /** The candidate, last given a conversation at the given time. */
    static Candidate lastAssigned(Candidate candidate, Instant at) {
        return new Candidate(candidate.owner(), candidate.rosterPosition(), candidate.presence(), candidate.load(),
                candidate.freeCapacity(), at);
    }

    private static String chosen(LeastLoaded strategy, RoutingSnapshot snapshot) {
        return ((Verdict.Assign) strategy.decide(conversation("c"), snapshot)).ownerId();
    }

    @Test
    void assignsTheOwnerWithFewestOpenConversations() {
        RoutingSnapshot roster = snapshot(List.of(candidate("a", 0, Presence.ONLINE, 3),
                candidate("b", 1, Presence.ONLINE, 1), candidate("c", 2, Presence.ONLINE, 2)));

        assertThat(chosen(leastLoaded, roster)).isEqualTo("b");
    }

    @Test
    void assignsTheLowestUtilisation_whenMeasuredByUtilisation() {
        List<Candidate> roster = List.of(
                candidate(Owner.agent("small").capacity(2).build(), 0, Presence.ONLINE, 1),
                candidate(Owner.agent("large").capacity(10).build(), 1, Presence.ONLINE, 2));

        assertThat(chosen(leastLoaded, snapshot(roster))).isEqualTo("small");
        assertThat(chosen(new LeastLoaded("by-use", LeastLoaded.Measure.UTILISATION, BusyPolicy.EXCLUDE),
                snapshot(roster))).isEqualTo("large");
    }

    @Test
    void assignsTheOwnerIdleLongest_whenLoadIsTied() {
        RoutingSnapshot roster = snapshot(List.of(
                lastAssigned(candidate("a", 0, Presence.ONLINE, 1), NOW.minusSeconds(60)),
                lastAssigned(candidate("b", 1, Presence.ONLINE, 1), NOW.minusSeconds(600)),
                lastAssigned(candidate("c", 2, Presence.ONLINE, 0), NOW)));

        assertThat(chosen(leastLoaded, roster)).isEqualTo("c");
        assertThat(chosen(leastLoaded, snapshot(roster.candidates().subList(0, 2)))).isEqualTo("b");
    }

    @Test
    void assignsAnOwnerNeverAssigned_beforeOnesAssignedLongAgo() {
        RoutingSnapshot roster = snapshot(List.of(
                lastAssigned(candidate("a", 0, Presence.ONLINE, 1), Instant.EPOCH),
                candidate("b", 1, Presence.ONLINE, 1)));

        assertThat(chosen(leastLoaded, roster)).isEqualTo("b");
    }

    @Test
    void assignsTheFirstOnTheRoster_whenLoadAndIdleTimeAreTied() {
        RoutingSnapshot roster = snapshot(List.of(
                lastAssigned(candidate("a", 5, Presence.ONLINE, 2), NOW),
                lastAssigned(candidate("b", 7, Presence.ONLINE, 1), NOW),
                lastAssigned(candidate("c", 9, Presence.ONLINE, 1), NOW)));

        assertThat(chosen(leastLoaded, roster)).isEqualTo("b");
    }

    @Test
    void explainsTheMeasureAndTheTieBreakInItsReason() {
        RoutingSnapshot roster = snapshot(List.of(
                lastAssigned(candidate("a", 0, Presence.ONLINE, 1), NOW),
                candidate("b", 1, Presence.ONLINE, 1),
                candidate("c", 2, Presence.ONLINE, 4)));

        assertThat(leastLoaded.decide(conversation("c"), roster)).isEqualTo(Verdict.assign(roster.candidates().get(1),
                "has the fewest open conversations (1) of the 3 owners who can take it; of the 2 tied, it has waited"
                        + " longest since its last assignment"));
    }

    @Test
    void ignoresOwnersWhoCannotTakeIt() {
        RoutingSnapshot roster = snapshot(List.of(candidate("away", 0, Presence.AWAY, 0),
                candidate("offline", 1, Presence.OFFLINE, 0), candidate("full", 2, Presence.ONLINE, 5),
                candidate("d", 3, Presence.ONLINE, 4)));

        assertThat(leastLoaded.decide(conversation("c"), roster))
                .isEqualTo(Verdict.assign(roster.candidates().get(3), "the only owner who can take it"));
    }

    @Test
    void includesBusyOwners_onlyWhenAskedTo() {
        RoutingSnapshot roster = snapshot(List.of(candidate("a", 0, Presence.ONLINE, 3),
                candidate("b", 1, Presence.BUSY, 0)));

        assertThat(chosen(leastLoaded, roster)).isEqualTo("a");
        assertThat(chosen(new LeastLoaded("least", LeastLoaded.Measure.OPEN_CONVERSATIONS, BusyPolicy.INCLUDE),
                roster)).isEqualTo("b");
    }

    @Test
    void passesWithTheReasonNoOwnerCanTakeIt() {
        assertThat(leastLoaded.decide(conversation("c"), snapshot(List.of())))
                .isEqualTo(Verdict.pass(PassReason.NO_MATCH, "there are no owners"));
        assertThat(leastLoaded.decide(conversation("c"), snapshot(List.of(candidate("a", 0, Presence.AWAY, 0)))))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NONE_AVAILABLE));
        assertThat(leastLoaded.decide(conversation("c"), snapshot(List.of(candidate("a", 0, Presence.ONLINE, 5)))))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NO_CAPACITY));
    }

    @Test
    void rejectsBadOptions_namingThem() {
        assertThatThrownBy(() -> new LeastLoaded(" ", LeastLoaded.Measure.UTILISATION, BusyPolicy.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy name");
        assertThatThrownBy(() -> new LeastLoaded("least", null, BusyPolicy.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("measure must not be null");
        assertThatThrownBy(() -> new LeastLoaded("least", LeastLoaded.Measure.UTILISATION, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("busyPolicy must not be null");
    }

    @Test
    void spreadsWorkByLoadAndIdleTime_throughTheRouter() {
        ManualClock clock = new ManualClock(NOW);
        Router router = Router.builder()
                .owner(Owner.agent("ana").capacity(2).build())
                .owner(Owner.agent("ben").capacity(2).build())
                .chain(new LeastLoaded())
                .fallbackQueue("waiting", Duration.ofMinutes(15))
                .clock(clock)
                .build();

        assertThat(ownerOf(router.route(conversation("c1")))).isEqualTo("ana");
        clock.advance(Duration.ofMinutes(1));
        assertThat(ownerOf(router.route(conversation("c2")))).isEqualTo("ben");
        clock.advance(Duration.ofMinutes(1));
        router.release("c1");
        assertThat(ownerOf(router.route(conversation("c3")))).isEqualTo("ana");
        clock.advance(Duration.ofMinutes(1));
        assertThat(ownerOf(router.route(conversation("c4")))).as("tied at one each; ben waited longer")
                .isEqualTo("ben");
        assertThat(ownerOf(router.route(conversation("c5")))).isEqualTo("ana");
        assertThat(router.route(conversation("c6"))).isInstanceOf(Decision.Queued.class);

        router.release("c2");

        assertThat(router.placement("c6")).hasValueSatisfying(placement -> assertThat(placement)
                .isEqualTo(new Placement.Owned(conversation("c6"), "ben")));
    }

    private static String ownerOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Assigned.class);
        Decision.Assigned assigned = (Decision.Assigned) decision;
        assertThat(assigned.strategy()).isEqualTo("least-loaded");
        return assigned.ownerId();
    }
}

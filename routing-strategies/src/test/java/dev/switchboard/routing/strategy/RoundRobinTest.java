package dev.switchboard.routing.strategy;

import static dev.switchboard.routing.strategy.Fixtures.candidate;
import static dev.switchboard.routing.strategy.Fixtures.conversation;
import static dev.switchboard.routing.strategy.Fixtures.online;
import static dev.switchboard.routing.strategy.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private final RoundRobin roundRobin = new RoundRobin();

    /** Runs n decisions, storing the cursor after each as the router would, and returns the chosen owners. */
    static List<String> rotate(Strategy strategy, RoutingSnapshot snapshot, int n) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Verdict.Assign assign = (Verdict.Assign) strategy.decide(conversation("c" + i), snapshot);
            chosen.add(assign.ownerId());
            snapshot = snapshot.withCursors(assign.cursors());
        }
        return chosen;
    }

    @Test
    void rotatesThroughOwnersInRosterOrder() {
        assertThat(rotate(roundRobin, snapshot(online(3)), 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
    }

    @Test
    void skipsUnavailableOwners_withoutLosingItsPlace() {
        List<Candidate> roster = new ArrayList<>(online(4));
        roster.set(1, candidate("b", 1, Presence.AWAY, 0));
        roster.set(2, candidate("c", 2, Presence.ONLINE, 5));

        assertThat(rotate(roundRobin, snapshot(roster), 4)).containsExactly("a", "d", "a", "d");
    }

    @Test
    void keepsItsPlace_whenTheLastChosenOwnerLeaves() {
        RoutingSnapshot withB = snapshot(online(3)).withCursors(java.util.Map.of("round-robin", 2L));
        List<Candidate> withoutB = List.of(online(3).get(0), online(3).get(2));

        Verdict.Assign next = (Verdict.Assign) roundRobin.decide(conversation("c"),
                new RoutingSnapshot(withB.now(), withoutB, java.util.Map.of(), withB.cursors()));

        assertThat(next.ownerId()).isEqualTo("c");
    }

    @Test
    void includesBusyOwners_onlyWhenAskedTo() {
        List<Candidate> roster = List.of(candidate("a", 0, Presence.BUSY, 0));

        assertThat(roundRobin.decide(conversation("c"), snapshot(roster)))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NONE_AVAILABLE));
        assertThat(new RoundRobin("rr", BusyPolicy.INCLUDE).decide(conversation("c"), snapshot(roster)))
                .isInstanceOf(Verdict.Assign.class);
    }

    @Test
    void passesWithNoCapacity_whenEveryAvailableOwnerIsFull() {
        List<Candidate> roster = List.of(candidate("a", 0, Presence.ONLINE, 5), candidate("b", 1, Presence.OFFLINE, 0));

        assertThat(roundRobin.decide(conversation("c"), snapshot(roster)))
                .isInstanceOfSatisfying(Verdict.Pass.class, pass -> assertThat(pass.code())
                        .isEqualTo(PassReason.NO_CAPACITY));
    }

    @Test
    void rejectsBlankName() {
        assertThatThrownBy(() -> new RoundRobin(" ", BusyPolicy.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy name");
    }
}

package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LeastLoadedProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new LeastLoaded("least-loaded", LeastLoaded.Measure.OPEN_CONVERSATIONS, busyPolicy);
    }

    /**
     * Whenever some owner can take the conversation, the chosen one has the smallest measure among those who can;
     * among those tied on it, the oldest last assignment; and among those tied on both, the first roster place.
     */
    @Property(tries = 300)
    void choosesTheMinimalMeasure_thenTheLongestIdle_thenTheRosterOrder(
            @ForAll("rosters") List<Candidate> roster, @ForAll LeastLoaded.Measure measure,
            @ForAll BusyPolicy busyPolicy) {
        List<Candidate> eligible = roster.stream().filter(c -> c.canTake(busyPolicy)).toList();

        Verdict verdict = new LeastLoaded("least-loaded", measure, busyPolicy)
                .decide(Fixtures.conversation("c"), Fixtures.snapshot(roster));

        if (eligible.isEmpty()) {
            assertThat(verdict).isInstanceOf(Verdict.Pass.class);
            return;
        }
        assertThat(verdict).isInstanceOf(Verdict.Assign.class);
        Candidate chosen = Fixtures.snapshot(roster).candidate(((Verdict.Assign) verdict).ownerId()).orElseThrow();
        for (Candidate other : eligible) {
            assertThat(value(chosen, measure)).isLessThanOrEqualTo(value(other, measure));
            if (value(other, measure) == value(chosen, measure)) {
                assertThat(chosen.lastAssignedAt()).isBeforeOrEqualTo(other.lastAssignedAt());
                if (other.lastAssignedAt().equals(chosen.lastAssignedAt())) {
                    assertThat(chosen.rosterPosition()).isLessThanOrEqualTo(other.rosterPosition());
                }
            }
        }
    }

    private static double value(Candidate candidate, LeastLoaded.Measure measure) {
        return measure == LeastLoaded.Measure.OPEN_CONVERSATIONS ? candidate.load() : candidate.utilisation();
    }

    /** One owner's generated state. */
    private record Spec(Presence presence, int capacity, int load, Instant lastAssignedAt) {}

    /** Up to eight owners with small loads, capacities and idle times, so that ties are common. */
    @Provide
    Arbitrary<List<Candidate>> rosters() {
        Arbitrary<Instant> lastAssigned = Arbitraries.oneOf(Arbitraries.just(Instant.MIN),
                Arbitraries.integers().between(0, 3).map(minutes -> Fixtures.NOW.minusSeconds(60L * minutes)));
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.of(Presence.class),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 6), lastAssigned)
                .as(Spec::new);
        return spec.list().ofMaxSize(8).map(specs -> {
            List<Candidate> roster = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                Owner owner = Owner.agent("owner-" + i).capacity(s.capacity()).build();
                roster.add(LeastLoadedTest.lastAssigned(Fixtures.candidate(owner, 3L * i, s.presence(), s.load()),
                        s.lastAssignedAt()));
            }
            return roster;
        });
    }
}

package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Strategy;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class WeightedCapacityProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new WeightedCapacity("weighted-capacity", busyPolicy);
    }

    /**
     * From sequence zero, with the same owners able to take work, every owner's count after every pick is less than
     * one away from its exact share {@code n * weight / total} (owners that cannot take it, or weigh zero, have share
     * zero and get nothing).
     */
    @Property(tries = 100)
    void staysLessThanOnePickFromEveryExactShare_afterEveryPick(
            @ForAll("rosters") List<Candidate> roster, @ForAll @IntRange(min = 1, max = 1_500) int picks) {
        Assume.that(WeightedCapacityTest.canTakeAny(roster));

        assertThat(WeightedCapacityTest.largestDrift(strategy(BusyPolicy.EXCLUDE), roster, 0, picks)).isLessThan(1.0);
    }

    /**
     * From any cursor (as when the set of owners who can take work changes mid-way), the shares of the picks that
     * follow stay less than two away from exact.
     */
    @Property(tries = 100)
    void staysLessThanTwoPicksFromEveryExactShare_fromAnyCursor(
            // The cursor counts this step's assignments from zero: 2^53 of them, at ten million a second, take 28
            // years. Near Long.MAX_VALUE it would wrap and the schedule would restart mid-cycle.
            @ForAll("rosters") List<Candidate> roster, @ForAll @LongRange(min = 0, max = 1L << 53) long cursor,
            @ForAll @IntRange(min = 1, max = 1_500) int picks) {
        Assume.that(WeightedCapacityTest.canTakeAny(roster));

        assertThat(WeightedCapacityTest.largestDrift(strategy(BusyPolicy.EXCLUDE), roster, cursor, picks))
                .isLessThan(2.0);
    }

    /** Up to eight owners with weights 0 to 300, some away or full; all stay as they are while picks are made. */
    @Provide
    Arbitrary<List<Candidate>> rosters() {
        Arbitrary<Integer> weights = Arbitraries.oneOf(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 300));
        Arbitrary<Presence> presences = Arbitraries.of(Presence.ONLINE, Presence.ONLINE, Presence.ONLINE,
                Presence.AWAY);
        Arbitrary<Integer> loads = Arbitraries.of(0, 0, 0, 5);
        return weights.list().ofMinSize(1).ofMaxSize(8).flatMap(ws -> presences.list().ofSize(ws.size())
                .flatMap(ps -> loads.list().ofSize(ws.size()).map(ls -> {
                    List<Candidate> roster = new ArrayList<>();
                    for (int i = 0; i < ws.size(); i++) {
                        roster.add(WeightedCapacityTest.weighted("owner-" + i, i, ws.get(i), ps.get(i), ls.get(i)));
                    }
                    return roster;
                })));
    }
}

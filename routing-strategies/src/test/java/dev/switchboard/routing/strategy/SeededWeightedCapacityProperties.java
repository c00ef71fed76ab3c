package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The random mode of {@link WeightedCapacity}: the shared contract, and convergence to the weight shares. */
class SeededWeightedCapacityProperties extends StrategyContract {

    private static final int PICKS = 20_000;

    /**
     * A share's standard deviation over {@value #PICKS} picks is at most {@code 0.5 / sqrt(20,000) ≈ 0.0035}, so this
     * bound is more than 5.6 deviations: a correct draw breaks it with probability about 2e-8 per share.
     */
    private static final double TOLERANCE = 0.02;

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return WeightedCapacity.random("weighted-random", 20_260_302L, busyPolicy);
    }

    @Property(tries = 20)
    void everyShareConvergesToItsWeightShare(
            @ForAll long seed, @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 100) Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        Assume.that(total > 0);
        List<Candidate> roster = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            roster.add(WeightedCapacityTest.weighted("owner-" + i, i, weights.get(i)));
        }

        Strategy seeded = WeightedCapacity.random("weighted-random", seed, BusyPolicy.EXCLUDE);

        Map<String, Long> counts = WeightedCapacityTest.counts(
                RoundRobinTest.rotate(seeded, Fixtures.snapshot(roster), PICKS));

        for (int i = 0; i < weights.size(); i++) {
            assertThat(counts.getOrDefault("owner-" + i, 0L) / (double) PICKS)
                    .as("share of owner-%d (weights %s)", i, weights)
                    .isCloseTo(weights.get(i) / (double) total, offset(TOLERANCE));
        }
    }
}

package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoundRobinProperties extends StrategyContract {

    @Override
    Strategy strategy(BusyPolicy busyPolicy) {
        return new RoundRobin("round-robin", busyPolicy);
    }

    @Property
    void everyOwnerGetsItsShare_whenAllAreAvailableWithEqualCapacity(
            @ForAll @IntRange(min = 1, max = 12) int owners, @ForAll @IntRange(min = 1, max = 20) int rounds,
            @ForAll @IntRange(min = 0, max = 11) int extra) {
        int assignments = owners * rounds + extra % owners;

        List<String> chosen = RoundRobinTest.rotate(new RoundRobin(), Fixtures.snapshot(Fixtures.online(owners)),
                assignments);

        Map<String, Long> counts = chosen.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(counts).hasSize(Math.min(owners, assignments));
        assertThat(Collections.max(counts.values()) - Collections.min(counts.values())).isLessThanOrEqualTo(1);
        assertThat(Collections.min(counts.values())).isGreaterThanOrEqualTo(rounds);
    }
}

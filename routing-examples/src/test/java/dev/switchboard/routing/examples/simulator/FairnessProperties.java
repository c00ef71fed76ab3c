package dev.switchboard.routing.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

class FairnessProperties {

    @Property
    void equalLoads_haveAGiniOfZero_andAMaxOverMinOfOne(@ForAll @IntRange(min = 1, max = 1000) int load,
            @ForAll @IntRange(min = 1, max = 50) int agents) {
        List<Integer> loads = Collections.nCopies(agents, load);

        assertThat(Fairness.gini(loads)).isZero();
        assertThat(Fairness.maxOverMin(loads)).isEqualTo(1.0);
    }

    @Property
    void theGini_liesBetweenZeroAndOne_andIgnoresTheUnitOfLoad(
            @ForAll @NotEmpty @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> loads,
            @ForAll @IntRange(min = 2, max = 20) int factor) {
        List<Integer> scaled = loads.stream().map(load -> load * factor).toList();

        double gini = Fairness.gini(loads);
        assertThat(gini).isBetween(0.0, 1.0).isLessThan(1.0);
        assertThat(Fairness.gini(scaled)).isCloseTo(gini, within(1e-12));
    }

    @Property
    void whenOneAgentDoesAllTheWork_theGiniIsAsHighAsItGets(@ForAll @IntRange(min = 1, max = 50) int agents,
            @ForAll @IntRange(min = 1, max = 1000) int load) {
        List<Integer> loads = new ArrayList<>(Collections.nCopies(agents, 0));
        loads.set(0, load);

        assertThat(Fairness.gini(loads)).isCloseTo((agents - 1) / (double) agents, within(1e-12));
    }

    @Example
    void twoAgentsWithThreeAndOne_haveAGiniOfAQuarter() {
        // sum of |xi - xj| over ordered pairs = 2 + 2 = 4; 2 n total = 2 * 2 * 4 = 16
        assertThat(Fairness.gini(List.of(3, 1))).isEqualTo(0.25);
        assertThat(Fairness.maxOverMin(List.of(3, 1))).isEqualTo(3.0);
    }

    @Example
    void anAgentWithNoWork_makesMaxOverMinInfinite_andNoWorkAtAllIsFair() {
        assertThat(Fairness.maxOverMin(List.of(4, 0))).isInfinite();
        assertThat(Fairness.maxOverMin(List.of(0, 0))).isEqualTo(1.0);
        assertThat(Fairness.gini(List.of(0, 0))).isZero();
    }
}

package dev.switchboard.routing.examples.simulator;

import java.util.List;

/** How evenly work was shared among agents. */
final class Fairness {
    private Fairness() {}

    /**
     * The Gini coefficient of the loads: the mean absolute difference between every pair of agents divided by
     * twice the mean load. 0 when every load is equal, approaching 1 when one agent does all the work; 0 for no
     * work at all.
     */
    static double gini(List<Integer> loads) {
        long total = 0;
        long differences = 0;
        for (int a : loads) {
            total += a;
            for (int b : loads) {
                differences += Math.abs(a - b);
            }
        }
        // sum |a - b| over all ordered pairs / (2 n^2 mean) = sum |a - b| / (2 n total)
        return total == 0 ? 0.0 : differences / (2.0 * loads.size() * total);
    }

    /** The largest load divided by the smallest; infinite when some agent got nothing while others did. */
    static double maxOverMin(List<Integer> loads) {
        int max = loads.stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = loads.stream().mapToInt(Integer::intValue).min().orElse(0);
        if (max == 0) {
            return 1.0;
        }
        return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
    }
}

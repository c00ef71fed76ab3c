package dev.switchboard.routing.examples.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A set of durations in whole seconds, such as every conversation's time to assign, with its percentiles.
 *
 * @param seconds the values, sorted ascending
 */
record Distribution(List<Long> seconds) {

    Distribution {
        List<Long> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        seconds = List.copyOf(sorted);
    }

    int count() {
        return seconds.size();
    }

    /**
     * The nearest-rank percentile: the smallest value with at least {@code percent}% of the values at or below it
     * (the value at rank ceil(percent / 100 * count)); zero when there are no values.
     */
    long percentile(double percent) {
        if (seconds.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * seconds.size());
        return seconds.get(Math.max(rank, 1) - 1);
    }

    long max() {
        return seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1);
    }

    /** The mean in seconds; zero when there are no values. */
    double mean() {
        return seconds.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** How many values are at least {@code from} and below {@code until} seconds. */
    int countBetween(long from, long until) {
        return (int) seconds.stream().filter(value -> value >= from && value < until).count();
    }
}

package dev.switchboard.routing.metrics;

import java.time.Duration;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable distribution of durations, such as every conversation's time to assign. The count, total, mean and
 * maximum are exact; percentiles and {@link #countBetween} come from an HdrHistogram of milliseconds with three
 * significant digits, so they are exact to the millisecond below about 2 seconds and within 0.1% above (whole
 * seconds stay whole below about 17 minutes).
 */
public final class DurationSummary {

    private static final DurationSummary EMPTY = new DurationSummary(DurationRecorder.histogram(), 0, 0);

    private final Histogram histogram;
    private final long totalNanos;
    private final long maxNanos;

    /** Takes ownership of {@code histogram}, which no one may change afterwards. */
    DurationSummary(Histogram histogram, long totalNanos, long maxNanos) {
        this.histogram = histogram;
        this.totalNanos = totalNanos;
        this.maxNanos = maxNanos;
    }

    /** {@return a summary of no durations} */
    public static DurationSummary empty() {
        return EMPTY;
    }

    /** {@return how many durations there are} */
    public long count() {
        return histogram.getTotalCount();
    }

    /** {@return their sum} */
    public Duration total() {
        return Duration.ofNanos(totalNanos);
    }

    /** {@return the longest, or zero when there are none} */
    public Duration max() {
        return Duration.ofNanos(maxNanos);
    }

    /** {@return the mean, or zero when there are none} */
    public Duration mean() {
        return count() == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos / count());
    }

    /**
     * The nearest-rank percentile: the smallest duration with at least {@code percent}% of them at or below it, at
     * the histogram's resolution and never above the maximum; zero when there are none.
     *
     * @param percent from 0 to 100
     * @return the percentile
     */
    public Duration percentile(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be from 0 to 100, was " + percent);
        }
        if (count() == 0) {
            return Duration.ZERO;
        }
        Duration value = Duration.ofMillis(histogram.getValueAtPercentile(percent));
        return value.compareTo(max()) > 0 ? max() : value;
    }

    /**
     * {@return how many durations are at least {@code from} and below {@code until}, at the histogram's resolution}
     *
     * @param from the shortest counted
     * @param until the first too long to count
     */
    public long countBetween(Duration from, Duration until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        long count = 0;
        for (HistogramIterationValue value : histogram.recordedValues()) {
            Duration recorded = Duration.ofMillis(value.getValueIteratedTo());
            if (recorded.compareTo(from) >= 0 && recorded.compareTo(until) < 0) {
                count += value.getCountAtValueIteratedTo();
            }
        }
        return count;
    }

    /** Equal when both hold the same durations, at the histogram's resolution, with the same total and maximum. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DurationSummary that && totalNanos == that.totalNanos && maxNanos == that.maxNanos
                && histogram.equals(that.histogram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(totalNanos, maxNanos, count());
    }

    @Override
    public String toString() {
        return "DurationSummary[count=" + count() + ", mean=" + mean() + ", p50=" + percentile(50) + ", p95="
                + percentile(95) + ", max=" + max() + "]";
    }
}

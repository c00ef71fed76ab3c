package dev.switchboard.routing.metrics;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Records durations into an HdrHistogram of milliseconds (which grows with the longest recorded) and keeps their
 * exact total and maximum. Not thread-safe: {@link RoutingMetrics} guards it.
 */
final class DurationRecorder {

    private final Histogram histogram = histogram();
    private long totalNanos;
    private long maxNanos;

    /** Milliseconds, three significant digits, resized as longer durations arrive. */
    static Histogram histogram() {
        Histogram histogram = new Histogram(3);
        histogram.setAutoResize(true);
        return histogram;
    }

    /** Records a duration; a negative one (an event stamped before its conversation was created) counts as zero. */
    void record(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        histogram.recordValue(nanos / 1_000_000);
        totalNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    /** What has been recorded so far. */
    DurationSummary summary() {
        return new DurationSummary(histogram.copy(), totalNanos, maxNanos);
    }

    /** What has been recorded so far, with {@code more} durations counted as if recorded. */
    DurationSummary summaryWith(Iterable<Duration> more) {
        DurationRecorder copy = new DurationRecorder();
        copy.histogram.add(histogram);
        copy.totalNanos = totalNanos;
        copy.maxNanos = maxNanos;
        more.forEach(copy::record);
        return new DurationSummary(copy.histogram, copy.totalNanos, copy.maxNanos);
    }
}

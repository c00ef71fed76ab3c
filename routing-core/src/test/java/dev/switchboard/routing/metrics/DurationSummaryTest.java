package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DurationSummaryTest {

    private static DurationSummary ofSeconds(long... seconds) {
        DurationRecorder recorder = new DurationRecorder();
        LongStream.of(seconds).forEach(value -> recorder.record(Duration.ofSeconds(value)));
        return recorder.summary();
    }

    @Test
    void percentiles_areNearestRank_atTheHistogramsResolution() {
        DurationSummary values = ofSeconds(50, 15, 40, 20, 35);

        assertThat(values.percentile(5).toSeconds()).isEqualTo(15);
        assertThat(values.percentile(30).toSeconds()).isEqualTo(20);
        assertThat(values.percentile(40).toSeconds()).isEqualTo(20);
        assertThat(values.percentile(50).toSeconds()).isEqualTo(35);
        assertThat(values.percentile(100).toSeconds()).isEqualTo(50);
        assertThat(values.percentile(5)).isBetween(Duration.ofSeconds(15), Duration.ofMillis(15_015));
        assertThat(values.percentile(100)).as("never above the maximum").isEqualTo(Duration.ofSeconds(50));
        assertThat(values.max()).isEqualTo(Duration.ofSeconds(50));
        assertThat(values.mean()).isEqualTo(Duration.ofSeconds(32));
        assertThat(values.total()).isEqualTo(Duration.ofSeconds(160));
        assertThat(DurationSummary.empty().percentile(95)).isZero();
        assertThat(DurationSummary.empty().mean()).isZero();
    }

    @Test
    void wholeSeconds_stayWhole_inPercentilesAndBuckets_upToSeventeenMinutes() {
        long[] seconds = LongStream.rangeClosed(0, 1_040).toArray();
        DurationSummary values = ofSeconds(seconds);

        for (long second : List.of(1L, 299L, 300L, 599L, 600L, 1_040L)) {
            assertThat(values.countBetween(Duration.ofSeconds(second), Duration.ofSeconds(second + 1)))
                    .as("%d s", second).isEqualTo(1);
            double percent = 100.0 * (second + 1) / seconds.length;
            assertThat(values.percentile(percent).toSeconds()).as("p%s", percent).isEqualTo(second);
        }
        assertThat(values.countBetween(Duration.ofMinutes(2), Duration.ofMinutes(5))).isEqualTo(180);
        assertThat(values.countBetween(Duration.ofMinutes(15), Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(141);
    }

    @Test
    void aSummary_isACopy_thatLaterRecordingsDoNotChange() {
        DurationRecorder recorder = new DurationRecorder();
        recorder.record(Duration.ofSeconds(5));
        DurationSummary before = recorder.summary();

        recorder.record(Duration.ofSeconds(7));
        recorder.record(Duration.ofSeconds(-3));

        assertThat(before.count()).isEqualTo(1);
        assertThat(recorder.summary().count()).isEqualTo(3);
        assertThat(recorder.summary().percentile(1)).as("a negative duration counts as zero").isZero();
    }
}

package dev.switchboard.routing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static DurationSummary of(Duration... durations) {
        DurationRecorder recorder = new DurationRecorder();
        List.of(durations).forEach(recorder::record);
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

    @Test
    void percentZero_isTheShortest_andPercentsOutsideZeroToHundred_areRefused() {
        DurationSummary values = ofSeconds(50, 15, 40);

        assertThat(values.percentile(0).toSeconds()).isEqualTo(15);
        assertThatThrownBy(() -> values.percentile(-0.001)).hasMessage("percent must be from 0 to 100, was -0.001");
        assertThatThrownBy(() -> values.percentile(100.001)).hasMessage("percent must be from 0 to 100, was 100.001");
    }

    @Test
    void summaries_areEqual_whenTheyHoldTheSameDurationsTotalAndMaximum() {
        DurationSummary values = ofSeconds(1, 4, 5);

        assertThat(values).isEqualTo(ofSeconds(5, 1, 4)).hasSameHashCodeAs(ofSeconds(5, 1, 4));
        assertThat(values).as("same total and maximum, other durations").isNotEqualTo(ofSeconds(2, 3, 5));
        Duration aLittleMore = Duration.ofNanos(400_000); // below the histogram's resolution of a millisecond
        DurationSummary longestALittleLonger = of(Duration.ofSeconds(1), Duration.ofSeconds(5).plus(aLittleMore));
        assertThat(of(Duration.ofSeconds(1).plus(aLittleMore), Duration.ofSeconds(5)))
                .as("same durations and total, other maximum").isNotEqualTo(longestALittleLonger)
                .as("same durations and maximum, other total").isNotEqualTo(of(Duration.ofSeconds(1),
                        Duration.ofSeconds(5)));
        assertThat(values).isNotEqualTo("1, 4 and 5 seconds");
        assertThat(values.toString()).as("p50 at the histogram's resolution")
                .startsWith("DurationSummary[count=3, mean=PT3.333333333S, p50=PT4").endsWith(", p95=PT5S, max=PT5S]");
    }
}

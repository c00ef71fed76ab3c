package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The weighted schedule's picks repeat with its period for every sequence number a cursor may hold. */
class WeightedScheduleTest {

    /** Weights 1, 2 and 4: a period of seven picks. */
    private final WeightedSchedule schedule = WeightedSchedule.of(new int[] {1, 2, 4});

    @Test
    void aPeriodPicksEachOwnerAsOftenAsItsWeight() {
        int[] picks = new int[3];
        for (long sequence = 0; sequence < 7; sequence++) {
            picks[schedule.ownerAt(sequence)]++;
        }

        assertThat(picks).containsExactly(1, 2, 4);
    }

    @Test
    void sequenceNumbersPastAnIntOrBelowZero_pickAsTheirPlaceInThePeriodDoes() {
        long pastAnInt = (long) Integer.MAX_VALUE + 1;

        for (long offset = 0; offset < 7; offset++) {
            assertThat(schedule.ownerAt(Integer.MAX_VALUE - offset))
                    .isEqualTo(schedule.ownerAt(Math.floorMod(Integer.MAX_VALUE - offset, 7L)));
            assertThat(schedule.ownerAt(pastAnInt + offset)).isEqualTo(schedule.ownerAt(Math.floorMod(pastAnInt
                    + offset, 7L)));
            assertThat(schedule.ownerAt(-1 - offset)).isEqualTo(schedule.ownerAt(Math.floorMod(-1 - offset, 7L)));
            assertThat(schedule.ownerAt(Long.MAX_VALUE - offset))
                    .isEqualTo(schedule.ownerAt(Math.floorMod(Long.MAX_VALUE - offset, 7L)));
        }
    }

    /**
     * After every prefix of the period, each owner was picked the floor or the ceiling of its exact share: the bound
     * the class promises, over uneven weights whose owners are often picked after their next pick was released.
     */
    @Property(tries = 300)
    void everyPrefixOfThePeriod_keepsEachOwnerWithinOnePickOfItsShare(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 30) Integer> weights) {
        int[] asked = weights.stream().mapToInt(Integer::intValue).toArray();
        WeightedSchedule built = WeightedSchedule.of(asked);
        long period = weights.stream().mapToLong(Integer::longValue).sum();
        long[] picks = new long[asked.length];
        for (long n = 1; n <= period; n++) {
            picks[built.ownerAt(n - 1)]++;
            for (int owner = 0; owner < asked.length; owner++) {
                long exact = n * asked[owner];
                assertThat(picks[owner]).as("owner %d after %d picks", owner, n)
                        .isBetween(exact / period, (exact + period - 1) / period);
            }
        }
    }
}

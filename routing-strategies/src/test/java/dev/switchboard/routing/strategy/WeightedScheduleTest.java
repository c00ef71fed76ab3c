package dev.switchboard.routing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

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
}

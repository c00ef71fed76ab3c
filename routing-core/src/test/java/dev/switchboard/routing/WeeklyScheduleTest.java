package dev.switchboard.routing;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private static WeeklySchedule officeHours(ZoneId zone) {
        return WeeklySchedule.builder(zone)
                .open(LocalTime.of(9, 0), LocalTime.of(17, 0), MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
                .build();
    }

    @Nested
    class OpeningHours {
        @Test
        void opensAtTheStartInclusive_andClosesAtTheEndExclusive() {
            WeeklySchedule lisbon = officeHours(LISBON);

            assertThat(lisbon.isOpen(Instant.parse("2026-03-02T08:59:59.999Z"))).isFalse();
            assertThat(lisbon.isOpen(Instant.parse("2026-03-02T09:00:00Z"))).isTrue();
            assertThat(lisbon.isOpen(Instant.parse("2026-03-02T16:59:59.999Z"))).isTrue();
            assertThat(lisbon.isOpen(Instant.parse("2026-03-02T17:00:00Z"))).isFalse();
            assertThat(lisbon.isOpen(Instant.parse("2026-03-07T12:00:00Z"))).as("Saturday").isFalse();
        }

        @Test
        void aNightShiftRunsPastMidnight_intoTheNextDay() {
            WeeklySchedule nights = WeeklySchedule.builder(LISBON)
                    .open(LocalTime.of(22, 0), LocalTime.of(6, 0), FRIDAY).build();

            assertThat(nights.isOpen(Instant.parse("2026-03-06T21:59:00Z"))).isFalse();
            assertThat(nights.isOpen(Instant.parse("2026-03-06T22:00:00Z"))).isTrue();
            assertThat(nights.isOpen(Instant.parse("2026-03-07T05:59:00Z"))).as("Saturday morning").isTrue();
            assertThat(nights.isOpen(Instant.parse("2026-03-07T06:00:00Z"))).isFalse();
        }

        @Test
        void midnightToMidnightIsTheWholeDay() {
            WeeklySchedule weekends = WeeklySchedule.builder(LISBON)
                    .open(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SATURDAY, SUNDAY).build();

            assertThat(weekends.isOpen(Instant.parse("2026-03-07T00:00:00Z"))).isTrue();
            assertThat(weekends.isOpen(Instant.parse("2026-03-08T23:59:59Z"))).isTrue();
            assertThat(weekends.isOpen(Instant.parse("2026-03-09T00:00:00Z"))).isFalse();
        }

        @Test
        void aHolidayClosesTheDay_andSpecialHoursReplaceTheDaysHours() {
            WeeklySchedule schedule = WeeklySchedule.builder(LISBON)
                    .open(LocalTime.of(9, 0), LocalTime.of(17, 0), MONDAY, TUESDAY)
                    .closedOn(LocalDate.of(2026, 3, 2))
                    .openOn(LocalDate.of(2026, 3, 3), LocalTime.of(10, 0), LocalTime.of(12, 0))
                    .build();

            assertThat(schedule.isOpen(Instant.parse("2026-03-02T10:00:00Z"))).isFalse();
            assertThat(schedule.isOpen(Instant.parse("2026-03-03T09:30:00Z"))).isFalse();
            assertThat(schedule.isOpen(Instant.parse("2026-03-03T11:00:00Z"))).isTrue();
            assertThat(schedule.isOpen(Instant.parse("2026-03-09T09:30:00Z"))).isTrue();
        }
    }

    @Nested
    class TimeZonesAndDaylightSaving {
        @Test
        void hoursAreLocalWallClock_soTheyMoveInUtcWhenTheClocksChange() {
            WeeklySchedule newYork = officeHours(NEW_YORK);

            assertThat(newYork.isOpen(Instant.parse("2026-03-06T13:30:00Z"))).as("08:30 EST").isFalse();
            assertThat(newYork.isOpen(Instant.parse("2026-03-06T14:00:00Z"))).as("09:00 EST").isTrue();
            assertThat(newYork.isOpen(Instant.parse("2026-03-09T13:00:00Z"))).as("09:00 EDT").isTrue();
            assertThat(newYork.isOpen(Instant.parse("2026-03-09T21:00:00Z"))).as("17:00 EDT").isFalse();
        }

        @Test
        void theSameInstantIsOpenInOneZone_andClosedInAnother() {
            Instant instant = Instant.parse("2026-03-02T09:30:00Z");

            assertThat(officeHours(LISBON).isOpen(instant)).isTrue();
            assertThat(officeHours(NEW_YORK).isOpen(instant)).isFalse();
        }

        @Test
        void aShiftAcrossTheSpringGap_endsOnTheLocalClock() {
            WeeklySchedule nights = WeeklySchedule.builder(LISBON)
                    .open(LocalTime.of(0, 0), LocalTime.of(3, 0), SUNDAY).build();

            assertThat(nights.isOpen(Instant.parse("2026-03-29T00:59:59Z"))).as("00:59 WET").isTrue();
            assertThat(nights.isOpen(Instant.parse("2026-03-29T01:00:00Z"))).as("02:00 WEST").isTrue();
            assertThat(nights.isOpen(Instant.parse("2026-03-29T02:00:00Z"))).as("03:00 WEST").isFalse();
        }
    }

    @Test
    void anEmptySpanIsRefused_namingIt() {
        assertThatThrownBy(() -> new WeeklySchedule.Span(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("span must not be empty, was 12:00 to 12:00");
        assertThatThrownBy(() -> WeeklySchedule.builder(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zone of schedule must not be null");
    }
}

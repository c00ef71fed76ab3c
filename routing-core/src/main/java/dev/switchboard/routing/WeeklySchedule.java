package dev.switchboard.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weekly opening hours in a time zone, with exceptions on given dates (holidays, special hours), for an owner's
 * shift or a rule's business hours. Hours are wall-clock times in {@code zone}, so they follow daylight-saving
 * changes: 09:00 to 17:00 stays 09:00 to 17:00 local time all year. Build one with {@link #builder(ZoneId)}.
 *
 * <pre>{@code
 * WeeklySchedule clinic = WeeklySchedule.builder(ZoneId.of("Europe/Lisbon"))
 *         .open(LocalTime.of(9, 0), LocalTime.of(18, 0), MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)
 *         .closedOn(LocalDate.of(2026, 12, 25))
 *         .build();
 * }</pre>
 *
 * @param zone the time zone of the hours
 * @param week the hours of each day of the week, Monday first; a day that is absent is closed
 * @param exceptions the hours of given dates, replacing their day's hours, earliest first; an empty list closes the
 *     date
 */
public record WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<Span>> week, Map<LocalDate, List<Span>> exceptions) {

    /**
     * Open from {@code from} (inclusive) to {@code to} (exclusive) on a day. A span whose {@code to} is not after its
     * {@code from} runs past midnight into the next day, like a night shift; {@code to} 00:00 ends at midnight, so
     * 00:00 to 00:00 is the whole day.
     */
    public record Span(LocalTime from, LocalTime to) {

        public Span {
            Checks.notNull(from, "from of span");
            Checks.notNull(to, "to of span");
            if (from.equals(to) && !to.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("span must not be empty, was " + from + " to " + to);
            }
        }

        private boolean overnight() {
            return !to.isAfter(from);
        }

        private boolean coversOnItsDay(LocalTime time) {
            return !time.isBefore(from) && (overnight() || time.isBefore(to));
        }

        private boolean coversOnTheNextDay(LocalTime time) {
            return overnight() && time.isBefore(to);
        }
    }

    public WeeklySchedule {
        Checks.notNull(zone, "zone of schedule");
        week = spans(Checks.notNull(week, "week of schedule"), "hours on ");
        exceptions = spans(Checks.notNull(exceptions, "exceptions of schedule"), "hours on ");
    }

    private static <K extends Comparable<? super K>> Map<K, List<Span>> spans(Map<K, List<Span>> byDay, String field) {
        Map<K, List<Span>> copy = new HashMap<>();
        byDay.forEach((day, spans) -> {
            Checks.notNull(day, "day of schedule");
            copy.put(day, List.copyOf(Checks.notNull(spans, field + day)));
        });
        return Checks.byKey(copy);
    }

    /** A builder for a schedule in a time zone: closed every day until hours are added. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Checks.notNull(zone, "zone of schedule"));
    }

    /** Whether the schedule is open at an instant (within {@link Bounds}). */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = Checks.instant(at, "at").atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        return spansOn(day).stream().anyMatch(span -> span.coversOnItsDay(time))
                || spansOn(day.minusDays(1)).stream().anyMatch(span -> span.coversOnTheNextDay(time));
    }

    private List<Span> spansOn(LocalDate day) {
        List<Span> special = exceptions.get(day);
        return special != null ? special : week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** Builds a {@link WeeklySchedule}; each option is checked when set. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, List<Span>> exceptions = new HashMap<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /** Opens these days of the week from {@code from} to {@code to}, besides hours they already have. */
        public Builder open(LocalTime from, LocalTime to, DayOfWeek... days) {
            Span span = new Span(from, to);
            for (DayOfWeek day : Checks.notNull(days, "days")) {
                Checks.notNull(day, "day");
            }
            for (DayOfWeek day : days) {
                week.computeIfAbsent(day, key -> new ArrayList<>()).add(span);
            }
            return this;
        }

        /** Closes a date all day (a holiday), whatever its day's hours. */
        public Builder closedOn(LocalDate date) {
            exceptions.put(Checks.notNull(date, "date"), new ArrayList<>());
            return this;
        }

        /** Gives a date special hours, replacing its day's hours; call again to add more spans that date. */
        public Builder openOn(LocalDate date, LocalTime from, LocalTime to) {
            Span span = new Span(from, to);
            exceptions.computeIfAbsent(Checks.notNull(date, "date"), key -> new ArrayList<>()).add(span);
            return this;
        }

        public WeeklySchedule build() {
            return new WeeklySchedule(zone, week, exceptions);
        }
    }
}

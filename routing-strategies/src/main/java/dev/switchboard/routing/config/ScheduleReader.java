package dev.switchboard.routing.config;

import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.config.JsonFields.Item;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one entry of {@code schedules}: a time zone, weekly hours, closed dates and dates with special hours. */
final class ScheduleReader {

    private static final Pattern SPAN = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private ScheduleReader() {}

    /** The schedule an entry describes, or empty after adding its problems. */
    static Optional<WeeklySchedule> read(JsonFields schedule, Problems problems) {
        int before = problems.count();
        Optional<ZoneId> zone = schedule.text("zone", true).flatMap(text -> {
            try {
                return Optional.of(ZoneId.of(text));
            } catch (DateTimeException unknown) {
                problems.add(schedule.path("zone"), "must be a time zone such as Europe/Lisbon, was '" + text + "'");
                return Optional.empty();
            }
        });
        Map<DayOfWeek, List<WeeklySchedule.Span>> week = new HashMap<>();
        schedule.object("week", true).ifPresent(days -> days.entries().forEach(day -> {
            Optional<DayOfWeek> dayOfWeek = dayOf(day.getKey());
            if (dayOfWeek.isEmpty()) {
                problems.add(day.getValue().path(), "unknown day; expected monday to sunday");
            } else {
                week.put(dayOfWeek.get(), spans(day.getValue(), problems));
            }
        }));
        Map<LocalDate, List<WeeklySchedule.Span>> exceptions = new HashMap<>();
        for (Item closed : schedule.texts("closed")) {
            date(closed.node().textValue(), closed.path(), problems).ifPresent(date -> exceptions.put(date, List.of()));
        }
        schedule.object("special", false).ifPresent(dates -> dates.entries().forEach(special ->
                date(special.getKey(), special.getValue().path(), problems).ifPresent(date -> {
                    if (exceptions.containsKey(date)) {
                        problems.add(special.getValue().path(), "is also listed as closed");
                    }
                    exceptions.put(date, spans(special.getValue(), problems));
                })));
        schedule.rejectUnknown("field of a schedule");
        return zone.isPresent() && problems.count() == before
                ? problems.attempt(schedule.path(), () -> new WeeklySchedule(zone.get(), week, exceptions))
                : Optional.empty();
    }

    private static Optional<DayOfWeek> dayOf(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String text, String path, Problems problems) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            problems.add(path, "must be a date such as 2026-12-25, was '" + text + "'");
            return Optional.empty();
        }
    }

    /** An array of spans such as {@code "09:00-17:00"}; a span that ends before it starts runs past midnight. */
    private static List<WeeklySchedule.Span> spans(Item item, Problems problems) {
        List<WeeklySchedule.Span> spans = new ArrayList<>();
        for (Item element : JsonFields.elements(item, problems)) {
            JsonFields.text(element, problems).ifPresent(text -> {
                Optional<List<LocalTime>> times = times(text);
                if (times.isEmpty()) {
                    problems.add(element.path(), "must be a span of local times such as \"09:00-17:00\", was '"
                            + text + "'");
                } else {
                    problems.attempt(element.path(), () -> new WeeklySchedule.Span(times.get().get(0),
                            times.get().get(1))).ifPresent(spans::add);
                }
            });
        }
        return spans;
    }

    private static Optional<List<LocalTime>> times(String text) {
        Matcher matcher = SPAN.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.of(LocalTime.parse(matcher.group(1)), LocalTime.parse(matcher.group(2))));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}

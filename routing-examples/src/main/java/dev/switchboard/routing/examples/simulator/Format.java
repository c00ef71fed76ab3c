package dev.switchboard.routing.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures are written in both reports, so that the console and the HTML agree to the character. */
final class Format {
    private Format() {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A duration in seconds for people: {@code 0s}, {@code 42s}, {@code 4m 05s}, {@code 1h 07m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** A duration in whole minutes, or in {@link #duration(long)} form when it is not: {@code 10 min}. */
    static String minutes(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toHoursPart() == 0 && duration.toDaysPart() == 0
                ? duration.toMinutes() + " min"
                : duration(duration.toSeconds());
    }

    static String duration(double seconds) {
        return duration(Math.round(seconds));
    }

    /** A share as a percentage with one decimal: {@code 10.4%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A share as a whole percentage: {@code 62%}. */
    static String wholePercent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A part and its share of a whole: {@code 312 (10.4%)}. */
    static String countAndShare(long part, long whole) {
        return part + " (" + percent(whole == 0 ? 0 : (double) part / whole) + ")";
    }

    static String decimal(double value, int places) {
        return Double.isInfinite(value) ? "inf" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** Text wrapped into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static String wrap(String text, int width) {
        StringBuilder wrapped = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                wrapped.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                wrapped.append(' ');
                lineLength++;
            }
            wrapped.append(word);
            lineLength += word.length();
        }
        return wrapped.toString();
    }

    /** A time of day, UTC: {@code 08:30}. */
    static String clock(Instant at) {
        return CLOCK.format(at);
    }
}

package dev.switchboard.routing.strategy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Durations in the short form people read in verdicts: {@code 45s}, {@code 5m}, {@code 1h30m}; and instants as the
 * clock time {@code 09:05 UTC}.
 */
final class Durations {
    private Durations() {}

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An instant as its UTC clock time: {@code 09:05 UTC}. */
    static String clockTime(Instant instant) {
        return CLOCK_TIME.format(instant);
    }

    static String describe(Duration duration) {
        if (duration.isNegative()) {
            return "-" + describe(duration.negated());
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toHours(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        if (text.length() == 0) {
            text.append(duration.toMillis()).append("ms");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}

package dev.switchboard.routing.strategy;

import java.time.Duration;

/** Durations in the short form people read in verdicts: {@code 45s}, {@code 5m}, {@code 1h30m}. */
final class Durations {
    private Durations() {}

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

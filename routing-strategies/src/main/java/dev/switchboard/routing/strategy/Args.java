package dev.switchboard.routing.strategy;

import java.time.Duration;

/** Checks of strategy options: every failure is an {@link IllegalArgumentException} naming the field and value. */
final class Args {
    private Args() {}

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static String notBlank(String value, String field) {
        if (notNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + Durations.describe(value));
        }
        return value;
    }
}

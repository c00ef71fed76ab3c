package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;

/** Checks of strategy options: every failure is an {@link IllegalArgumentException} naming the field and value. */
final class Args {
    private Args() {}

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    /** A name with a visible character, by the rule of {@link Bounds#id}. */
    static String notBlank(String value, String field) {
        return Bounds.id(value, field);
    }
}

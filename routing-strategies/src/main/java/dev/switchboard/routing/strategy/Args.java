package dev.switchboard.routing.strategy;

/** Checks of strategy options: every failure is an {@link IllegalArgumentException} naming the field and value. */
final class Args {
    private Args() {}

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}

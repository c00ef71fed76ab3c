package dev.switchboard.routing.strategy;

/** Checks a strategy's options when it is built, so that a bad one fails at once with a message naming it. */
final class Options {
    private Options() {}

    /** The value, or an {@link IllegalArgumentException} naming the option when it is null. */
    static <T> T required(T value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " must not be null");
        }
        return value;
    }
}

package dev.switchboard.routing.strategy;

/** Checks a strategy's name, which identifies it in traces and keys its cursor. */
final class Names {
    private Names() {}

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("strategy name must not be " + (name == null ? "null" : "blank"));
        }
        return name;
    }
}

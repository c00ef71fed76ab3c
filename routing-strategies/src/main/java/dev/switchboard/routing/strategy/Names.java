package dev.switchboard.routing.strategy;

/** Checks a strategy's name, which identifies it in traces and keys its cursor. */
final class Names {
    private Names() {}

    static String check(String name) {
        return Args.notBlank(name, "strategy name");
    }
}

package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;

/** Checks a strategy's name, which identifies it in traces and keys its cursor. */
final class Names {
    private Names() {}

    static String check(String name) {
        return Bounds.id(name, "strategy name");
    }
}

package dev.switchboard.routing.testkit;

/** One broken invariant, with what exactly went wrong, as the last line of a story says it. */
record Violation(Invariant invariant, String detail) {}

package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: for simulations, replays and tests, so that every timer, SLA and
 * expiry happens at an exact, repeatable instant. Thread-safe; it never moves backwards.
 */
public final class ManualClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        now = new AtomicReference<>(Checks.notNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward by a non-negative amount and returns the new time. */
    public Instant advance(Duration amount) {
        Checks.notNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        return now.updateAndGet(current -> current.plus(amount));
    }

    /** Moves the clock to an instant that is not before the current time. */
    public void set(Instant instant) {
        Checks.notNull(instant, "instant");
        now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("instant " + instant + " is before the clock's time " + current);
            }
            return instant;
        });
    }
}

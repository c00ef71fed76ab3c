package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to: for simulations, replays and tests, so that every timer, SLA and
 * expiry happens at an exact, repeatable instant. Thread-safe; it never moves backwards, and its time stays within
 * {@link Bounds} (years 1 to 9999).
 */
public final class ManualClock implements InstantSource {

    private final AtomicReference<Instant> now;

    /** A clock that reads {@code start} until moved; {@code start} must be within {@link Bounds}. */
    public ManualClock(Instant start) {
        now = new AtomicReference<>(Checks.instant(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward by a non-negative amount and returns the new time, which must not be after
     * {@link Bounds#LATEST}; the clock does not move when it would be.
     */
    public Instant advance(Duration amount) {
        Checks.notNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        return now.updateAndGet(current -> {
            if (amount.compareTo(untilLatest(current)) > 0) {
                throw new IllegalArgumentException("amount " + amount + " would move the clock from " + current
                        + " past " + Bounds.LATEST);
            }
            return current.plus(amount);
        });
    }

    /**
     * The time from {@code instant} to {@link Bounds#LATEST}: as {@link Duration#between}, which first tries
     * nanoseconds and, for more than 292 years, fails over by throwing (and catching) an exception.
     */
    private static Duration untilLatest(Instant instant) {
        return Duration.ofSeconds(Bounds.LATEST.getEpochSecond() - instant.getEpochSecond(),
                Bounds.LATEST.getNano() - instant.getNano());
    }

    /** Moves the clock to an instant that is not before the current time, and within {@link Bounds}. */
    public void set(Instant instant) {
        Checks.instant(instant, "instant");
        now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("instant " + instant + " is before the clock's time " + current);
            }
            return instant;
        });
    }
}

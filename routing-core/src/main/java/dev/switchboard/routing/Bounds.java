package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds every value given to Switchboard must respect, checked where it is given (a builder option, a record's
 * constructor, a router call) so that nothing can fail later, after the router changed its state.
 *
 * <ul>
 *   <li>A duration (a queue's SLA, a grace period, a cap window, a deadline, an aging step, a strategy's wait) is at
 *       most {@link #MAX_DURATION}, 100 years.
 *   <li>An instant (a conversation's creation, a {@link ManualClock}'s time, a reading of the router's clock) lies
 *       from {@link #EARLIEST} to {@link #LATEST}, the years 1 to 9999 (UTC).
 *   <li>An id or a name (of a conversation, customer, owner, queue, rule, strategy, skill, channel, attribute...)
 *       has at least one visible character: one made only of spaces, invisible format characters (such as
 *       U+200B or U+FEFF) or control characters is blank.
 * </ul>
 *
 * <p>Within these bounds, an instant plus or minus a few durations stays far inside {@link Instant}'s range and a
 * duration in nanoseconds fits a {@code long}, so no arithmetic on time can overflow. Values outside are refused with
 * an {@link IllegalArgumentException} that names the field and the value.
 */
public final class Bounds {

    /** The longest duration accepted: 100 years of 365.25 days ({@code PT876600H}). */
    public static final Duration MAX_DURATION = Duration.ofDays(36_525);

    /** The earliest instant accepted: the start of year 1, UTC. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant accepted: the end of year 9999, UTC. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Bounds() {}

    /** A duration from zero to {@link #MAX_DURATION}; returns it. */
    public static Duration duration(Duration value, String field) {
        return Checks.nonNegative(value, field);
    }

    /** A duration above zero and at most {@link #MAX_DURATION}; returns it. */
    public static Duration positiveDuration(Duration value, String field) {
        return Checks.positive(value, field);
    }

    /** An instant from {@link #EARLIEST} to {@link #LATEST}; returns it. */
    public static Instant instant(Instant value, String field) {
        return Checks.instant(value, field);
    }

    /** An id or a name with at least one visible character; returns it unchanged. */
    public static String id(String value, String field) {
        return Checks.id(value, field);
    }
}

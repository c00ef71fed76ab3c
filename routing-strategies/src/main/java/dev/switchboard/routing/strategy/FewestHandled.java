package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Eligible;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Balances by work done: the conversation goes to the owner that completed (released) the fewest conversations in a
 * window, either the last stretch of time ({@link #inLast}) or the current calendar day in a time zone
 * ({@link #today}), as Asterisk's {@code fewestcalls} and FreeSWITCH's {@code agent-with-fewest-calls} do. Only
 * owners that can take the conversation now take part; ties go to the fewest open conversations, then to the owner
 * idle longest since its last release, then to the roster order. Completions count across all of an owner's rules.
 * It keeps no cursor: the router keeps each owner's releases for as long as the window asks
 * ({@link #completionWindow()}).
 *
 * <pre>{@code
 * Strategy balance = FewestHandled.today(ZoneId.of("Europe/Lisbon")).build();
 * }</pre>
 */
public final class FewestHandled implements Strategy {

    /** The longest rolling window; a calendar day, with its zone's offset changes, is always shorter. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(26);

    private final String name;
    private final BusyPolicy busyPolicy;
    private final Optional<Duration> rolling;
    private final Optional<ZoneId> zone;

    private FewestHandled(Builder builder) {
        this.name = builder.name;
        this.busyPolicy = builder.busyPolicy;
        this.rolling = builder.rolling;
        this.zone = builder.zone;
    }

    /**
     * Counts the conversations each owner completed in the last {@code window} (at most 26 hours), the end of the
     * window included: at {@code t}, those released in {@code [t - window, t]}.
     */
    public static Builder inLast(Duration window) {
        Bounds.positiveDuration(window, "window");
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("window must be at most " + Durations.describe(LONGEST_WINDOW)
                    + ", was " + Durations.describe(window));
        }
        return new Builder(Optional.of(window), Optional.empty());
    }

    /** Counts the conversations each owner completed since the latest midnight in {@code zone}. */
    public static Builder today(ZoneId zone) {
        return new Builder(Optional.empty(), Optional.of(Args.notNull(zone, "zone")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration completionWindow() {
        return rolling.orElse(LONGEST_WINDOW);
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Instant now = view.now();
        Instant since = rolling.isPresent() ? now.minus(rolling.get())
                : now.atZone(zone.orElseThrow()).toLocalDate().atStartOfDay(zone.get()).toInstant();
        Eligible eligible = view.eligible(Requirements.NONE, busyPolicy);
        int count = 0;
        int tied = 0;
        Owner chosen = null;
        int fewest = 0;
        int chosenLoad = 0;
        Instant chosenReleased = null;
        while (eligible.next()) {
            count++;
            int completed = eligible.completedSince(since);
            int load = eligible.load();
            Instant released = eligible.lastReleasedAt();
            if (chosen != null && completed > fewest) {
                continue;
            }
            if (chosen == null || completed < fewest) {
                tied = 0;
            }
            tied++;
            if (chosen == null || completed < fewest || IdleOrder.idler(load, released, chosenLoad, chosenReleased)) {
                chosen = eligible.owner();
                fewest = completed;
                chosenLoad = load;
                chosenReleased = released;
            }
        }
        if (chosen == null) {
            return Eligibility.noOwnerCanTake(view, busyPolicy);
        }
        String window = rolling.map(length -> "in the last " + Durations.describe(length))
                .orElseGet(() -> "today (since midnight in " + zone.orElseThrow() + ")");
        String reason = count == 1 ? "the only owner who can take it; it completed " + fewest + " " + window
                : "completed the fewest conversations " + window + " (" + fewest + ") of the " + count
                        + " owners who can take it";
        if (tied > 1) {
            reason += "; of the " + tied + " tied, the fewest open, then idle longest";
        }
        return new Verdict.Assign(chosen.id(), reason, Map.of());
    }

    /** Builds a {@link FewestHandled}; each option is checked when set, and {@link #build()} leaves it reusable. */
    public static final class Builder {
        private final Optional<Duration> rolling;
        private final Optional<ZoneId> zone;
        private String name = "fewest-handled";
        private BusyPolicy busyPolicy = BusyPolicy.EXCLUDE;

        private Builder(Optional<Duration> rolling, Optional<ZoneId> zone) {
            this.rolling = rolling;
            this.zone = zone;
        }

        /** The step's name in traces (default {@code fewest-handled}, unique within a router). */
        public Builder name(String value) {
            name = Names.check(value);
            return this;
        }

        /** Whether busy owners take part (default: no). */
        public Builder busyPolicy(BusyPolicy value) {
            busyPolicy = Args.notNull(value, "busyPolicy");
            return this;
        }

        public FewestHandled build() {
            return new FewestHandled(this);
        }
    }
}

package dev.switchboard.routing.testkit;

import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Checks Switchboard's {@link Invariant}s on a host's own routing setup, in one call from a test:
 *
 * <pre>{@code
 * @Test
 * void routingKeepsItsPromises() {
 *     SwitchboardInvariants.check(RoutingConfig.load(Path.of("src/main/resources/routing.json")));
 * }
 * }</pre>
 *
 * <p>Each try builds a fresh router on a {@link ManualClock} and plays a generated day on it (see
 * {@link RoutingArbitraries}): conversations shaped by the setup's rules, owners going online, busy, away and offline,
 * capacity changes, releases, claims, transfers, replies, ticks and time passing. A model of where every
 * conversation is, kept from the operations and the router's events, is checked after each operation; each day is
 * then played again with a listener that throws on every event, which must change nothing. The first day that breaks
 * an invariant is shrunk to the fewest operations that still break it, and thrown as an {@link InvariantViolation}
 * that tells them as a story.
 */
public final class SwitchboardInvariants {

    private SwitchboardInvariants() {}

    /**
     * How a check runs: how many days it tries, from which seed, how long each day is, how long steps of the host's
     * own may hold a conversation, and which invariants it leaves out. Immutable; each option returns a copy.
     *
     * @param tries how many generated days are played, at least one
     * @param seed where the generated days start: the same seed and options play the same days
     * @param maxOperations the most operations in one day, at least one
     * @param extraHold how long the host's own chain steps may hold a conversation, added to each rule's waits for
     *     the starvation check (zero or more)
     * @param skipped invariants not checked, for a setup that deliberately breaks one
     */
    public record Options(int tries, long seed, int maxOperations, Duration extraHold, Set<Invariant> skipped) {

        public Options {
            if (tries < 1) {
                throw new IllegalArgumentException("tries must be at least 1, was " + tries);
            }
            if (maxOperations < 1) {
                throw new IllegalArgumentException("maxOperations must be at least 1, was " + maxOperations);
            }
            Objects.requireNonNull(extraHold, "extraHold");
            if (extraHold.isNegative()) {
                throw new IllegalArgumentException("extraHold must not be negative, was " + extraHold);
            }
            skipped = Set.copyOf(Objects.requireNonNull(skipped, "skipped"));
        }

        /** 100 days of up to 40 operations from seed 42, no holds beyond the steps' waits, every invariant. */
        public static Options defaults() {
            return new Options(100, 42, 40, Duration.ZERO, Set.of());
        }

        /** These options with another number of days. */
        public Options tries(int value) {
            return new Options(value, seed, maxOperations, extraHold, skipped);
        }

        /** These options with another seed, such as the one an {@link InvariantViolation} reports. */
        public Options seed(long value) {
            return new Options(tries, value, maxOperations, extraHold, skipped);
        }

        /** These options with another length of day. */
        public Options maxOperations(int value) {
            return new Options(tries, seed, value, extraHold, skipped);
        }

        /** These options with another hold for the host's own chain steps. */
        public Options extraHold(Duration value) {
            return new Options(tries, seed, maxOperations, value, skipped);
        }

        /** These options without checking some invariants as well. */
        public Options skip(Invariant... invariants) {
            Set<Invariant> all = EnumSet.noneOf(Invariant.class);
            all.addAll(skipped);
            all.addAll(List.of(Objects.requireNonNull(invariants, "invariants")));
            return new Options(tries, seed, maxOperations, extraHold, all);
        }

        Set<Invariant> checked() {
            Set<Invariant> checked = EnumSet.allOf(Invariant.class);
            checked.removeAll(skipped);
            return checked;
        }
    }

    /**
     * Checks routers built by {@link RoutingConfig#routerBuilder()}, with the default options.
     *
     * @throws InvariantViolation with the shrunk story, when a generated day breaks an invariant
     */
    public static void check(RoutingConfig config) {
        check(config, Options.defaults());
    }

    /**
     * Checks routers built by {@link RoutingConfig#routerBuilder()}. The waits the starvation check allows each rule
     * are its sticky wait windows and agent-pick claim deadlines, read from the document.
     *
     * @throws InvariantViolation with the shrunk story, when a generated day breaks an invariant
     */
    public static void check(RoutingConfig config, Options options) {
        check(config, UnaryOperator.identity(), options);
    }

    /**
     * Checks routers built by {@link RoutingConfig#routerBuilder()} with settings the document does not hold, such as
     * {@code builder -> builder.offlinePolicy(OfflinePolicy.keepFor(Duration.ofMinutes(2)))}; the check adds its own
     * clock and listener. The waits the starvation check allows each rule are read from the document.
     *
     * @throws InvariantViolation with the shrunk story, when a generated day breaks an invariant
     */
    public static void check(RoutingConfig config, UnaryOperator<Router.Builder> settings, Options options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        run(() -> settings.apply(config.routerBuilder()), HoldBounds.of(config), options);
    }

    /**
     * Checks the routers a supplier's builders build, for a router set up in Java. Each call must return a fresh
     * builder with the roster and the plan; the check adds its own clock and listener. No rule's steps are taken to
     * hold conversations beyond {@link Options#extraHold()}.
     *
     * @throws InvariantViolation with the shrunk story, when a generated day breaks an invariant
     */
    public static void check(Supplier<Router.Builder> routers, Options options) {
        run(Objects.requireNonNull(routers, "routers"), Map.of(), options);
    }

    private static void run(Supplier<Router.Builder> routers, Map<String, Duration> holds, Options options) {
        Objects.requireNonNull(options, "options");
        Router probe = routers.get().clock(new ManualClock(Vocabulary.DEFAULT_START)).build();
        List<OwnerStatus> roster = probe.roster();
        RoutingArbitraries arbitraries = RoutingArbitraries.of(roster.stream().map(OwnerStatus::owner).toList(),
                probe.plan());
        Search search = new Search(new Run.Setup(routers, holds, options.extraHold(), options.checked()));
        Optional<Search.Found> found = inSession(() -> search.run(arbitraries.scenarios(options.maxOperations()),
                options.tries(), options.seed()));
        if (found.isPresent()) {
            Search.Found failure = found.get();
            throw new InvariantViolation(failure.violation().invariant(), failure.story(), options.seed(),
                    "Found on day " + failure.failedTry() + " of " + options.tries() + " with seed " + options.seed()
                            + ", shrunk from " + failure.originalSteps() + " to " + failure.steps() + " steps in "
                            + failure.shrinkRuns() + " runs; the same options reproduce it:");
        }
    }

    /** Runs jqwik's generators in a session of their own, unless one is already active. */
    private static <T> T inSession(Supplier<T> work) {
        if (JqwikSession.isActive()) {
            return work.get();
        }
        Object[] result = new Object[1];
        JqwikSession.run(() -> result[0] = work.get());
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }
}

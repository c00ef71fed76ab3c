package dev.switchboard.routing.config;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.strategy.AgentPick;
import dev.switchboard.routing.strategy.ExcludeStale;
import dev.switchboard.routing.strategy.FewestHandled;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.LongestIdle;
import dev.switchboard.routing.strategy.PreferredOwners;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.TopDown;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one step of a rule's chain: {@code {"type": "skill-based", "tieBreak": "longest-idle"}}. Every type takes
 * {@code name} (the step's name in traces; by default the type) and {@code includeBusy} (false by default), and its
 * own options; the strategies' own checks refuse bad values.
 */
final class StrategyReader {

    /** The strategy types a configuration can name. */
    static final List<String> TYPES = List.of("round-robin", "sticky", "skill-based", "least-loaded",
            "weighted-capacity", "agent-pick", "longest-idle", "fewest-handled", "top-down", "preferred",
            "exclude-stale");

    /** Types that never pick an owner themselves, so {@code includeBusy} does not apply. */
    private static final Set<String> PICK_NOBODY = Set.of("agent-pick", "exclude-stale");

    private StrategyReader() {}

    /**
     * The strategy an entry describes, if the entry is sound.
     *
     * @param declared what the document declares: its queues (an agent-pick pool, an exclude-stale queue) and its
     *     owners (a top-down order)
     */
    static Optional<Strategy> read(JsonFields entry, Declarations declared, Problems problems) {
        int before = problems.count();
        Optional<String> type = entry.text("type", true);
        if (type.isPresent() && !TYPES.contains(type.get())) {
            problems.add(entry.path("type"), "unknown strategy type '" + type.get() + "'; known types: " + TYPES);
        }
        if (type.isEmpty() || !TYPES.contains(type.get())) {
            entry.skipRest();
            return Optional.empty();
        }
        String name = entry.text("name", false).orElse(type.get());
        BusyPolicy busy = entry.bool("includeBusy").orElse(false) ? BusyPolicy.INCLUDE : BusyPolicy.EXCLUDE;
        Optional<Strategy> strategy = switch (type.get()) {
            case "round-robin" -> problems.attempt(entry.path(), () -> new RoundRobin(name, busy));
            case "sticky" -> sticky(entry, name, busy, problems);
            case "skill-based" -> skillBased(entry, name, busy, problems);
            case "least-loaded" -> leastLoaded(entry, name, busy, problems);
            case "weighted-capacity" -> weightedCapacity(entry, name, busy, problems);
            case "agent-pick" -> agentPick(entry, name, declared, problems);
            case "longest-idle" -> problems.attempt(entry.path(), () -> new LongestIdle(name, busy));
            case "fewest-handled" -> fewestHandled(entry, name, busy, problems);
            case "top-down" -> topDown(entry, name, busy, declared, problems);
            case "preferred" -> preferred(entry, name, busy, problems);
            default -> excludeStale(entry, name, declared, problems);
        };
        if (PICK_NOBODY.contains(type.get()) && entry.has("includeBusy")) {
            problems.add(entry.path("includeBusy"), "does not apply to " + type.get()
                    + ", which never picks an owner itself");
        }
        entry.rejectUnknown("option of " + type.get());
        return problems.count() == before ? strategy : Optional.empty();
    }

    private static Optional<Strategy> sticky(JsonFields entry, String name, BusyPolicy busy, Problems problems) {
        Duration window = entry.duration("waitWindow", false, true).orElse(Duration.ZERO);
        StickyPreviousOwner.Memory memory = entry.choice("memory", StickyPreviousOwner.Memory.class)
                .orElse(StickyPreviousOwner.Memory.LAST);
        return problems.attempt(entry.path(), () -> new StickyPreviousOwner(name, busy, window, memory));
    }

    /** {@code "window": "PT1H"} counts the last hour; {@code "window": "today"} the day in {@code zone} (UTC). */
    private static Optional<Strategy> fewestHandled(JsonFields entry, String name, BusyPolicy busy,
            Problems problems) {
        Optional<String> window = entry.text("window", true);
        boolean today = window.filter("today"::equals).isPresent();
        Optional<ZoneId> zone = entry.text("zone", false).flatMap(text -> problems.attempt(entry.path("zone"),
                () -> zone(text)));
        if (!today && entry.has("zone")) {
            problems.add(entry.path("zone"), "applies only to the window \"today\"");
        }
        Optional<Duration> rolling = today ? Optional.empty() : window.flatMap(text -> entry.duration("window",
                true, false));
        if (window.isEmpty() || (!today && rolling.isEmpty())) {
            return Optional.empty();
        }
        return problems.attempt(entry.path("window"), () -> (today ? FewestHandled.today(zone.orElse(ZoneOffset.UTC))
                : FewestHandled.inLast(rolling.get())).name(name).busyPolicy(busy).build());
    }

    private static Optional<Strategy> topDown(JsonFields entry, String name, BusyPolicy busy, Declarations declared,
            Problems problems) {
        List<String> order = new ArrayList<>();
        for (JsonFields.Item item : entry.texts("order")) {
            String ownerId = item.node().textValue();
            declared.knownOwner(ownerId, item.path());
            order.add(ownerId);
        }
        return problems.attempt(entry.path("order"), () -> new TopDown(name, busy, order));
    }

    private static Optional<Strategy> preferred(JsonFields entry, String name, BusyPolicy busy, Problems problems) {
        Duration wait = entry.duration("wait", false, true).orElse(Duration.ZERO);
        return problems.attempt(entry.path(), () -> new PreferredOwners(name, busy, wait));
    }

    private static Optional<Strategy> excludeStale(JsonFields entry, String name, Declarations declared,
            Problems problems) {
        Optional<Duration> olderThan = entry.duration("olderThan", true, false);
        Optional<String> queue = entry.text("queue", false);
        queue.ifPresent(value -> declared.knownQueue(value, entry.path("queue")));
        return olderThan.flatMap(limit -> problems.attempt(entry.path(), () -> new ExcludeStale(name, limit, queue)));
    }

    private static Optional<Strategy> skillBased(JsonFields entry, String name, BusyPolicy busy, Problems problems) {
        SkillBased.Builder builder = SkillBased.builder().busyPolicy(busy);
        problems.attempt(entry.path("name"), () -> builder.name(name));
        entry.choice("tieBreak", SkillBased.TieBreak.class).ifPresent(builder::tieBreak);
        for (JsonFields.Item item : entry.array("orderBy", false)) {
            JsonFields.of(item, problems).ifPresent(key -> {
                Optional<String> skill = key.text("skill", true);
                Optional<First> first = key.choice("first", First.class);
                key.rejectUnknown("field of an order key");
                skill.ifPresent(value -> problems.attempt(item.path(), () -> builder.orderBy(
                        new SkillBased.OrderKey(value, first.orElse(First.HIGHEST) == First.HIGHEST))));
            });
        }
        for (JsonFields.Item item : entry.array("relax", false)) {
            JsonFields.of(item, problems).ifPresent(step -> {
                Optional<Duration> after = step.duration("after", true, false);
                boolean dropOptional = step.bool("dropOptional").orElse(false);
                int lowerBy = step.integer("lowerMinimumsBy").orElse(0);
                step.rejectUnknown("field of a relaxation step");
                after.ifPresent(wait -> problems.attempt(item.path(), () -> {
                    SkillBased.Relaxation relaxation = SkillBased.Relaxation.afterWaiting(wait)
                            .lowerMinimumsBy(lowerBy);
                    return builder.relax(dropOptional ? relaxation.dropOptional() : relaxation);
                }));
            });
        }
        return Optional.of(builder.build());
    }

    private static Optional<Strategy> leastLoaded(JsonFields entry, String name, BusyPolicy busy, Problems problems) {
        LeastLoaded.Measure measure = entry.choice("measure", LeastLoaded.Measure.class)
                .orElse(LeastLoaded.Measure.OPEN_CONVERSATIONS);
        return problems.attempt(entry.path(), () -> new LeastLoaded(name, measure, busy));
    }

    /** Which end of a skill-based order key comes first. */
    private enum First {
        HIGHEST,
        LOWEST
    }

    /** How weighted-capacity shares work: by its deterministic schedule, or drawn at random from a seed. */
    private enum Mode {
        SCHEDULED,
        RANDOM
    }

    private static Optional<Strategy> weightedCapacity(JsonFields entry, String name, BusyPolicy busy,
            Problems problems) {
        Mode mode = entry.choice("mode", Mode.class).orElse(Mode.SCHEDULED);
        if (mode == Mode.SCHEDULED) {
            if (entry.has("seed")) {
                problems.add(entry.path("seed"), "applies only to mode random");
            }
            entry.item("seed", false);
            return problems.attempt(entry.path(), () -> new WeightedCapacity(name, busy));
        }
        return entry.whole("seed", true).flatMap(seed -> problems.attempt(entry.path(),
                () -> WeightedCapacity.random(name, seed, busy)));
    }

    private static Optional<Strategy> agentPick(JsonFields entry, String name, Declarations declared,
            Problems problems) {
        Optional<String> pool = entry.text("pool", true);
        pool.ifPresent(queue -> declared.knownQueue(queue, entry.path("pool")));
        Optional<Duration> deadline = entry.duration("deadline", true, false);
        Optional<ZoneId> zone = entry.text("zone", false).flatMap(text -> problems.attempt(entry.path("zone"),
                () -> zone(text)));
        if (pool.isEmpty() || deadline.isEmpty()) {
            return Optional.empty();
        }
        return problems.attempt(entry.path(), () -> {
            AgentPick.Builder builder = AgentPick.builder(pool.get(), deadline.get()).name(name);
            zone.ifPresent(builder::zone);
            return builder.build();
        });
    }

    /** A time zone by its id, or an exception whose message says what one looks like. */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException unknown) {
            throw new IllegalArgumentException("must be a time zone such as Europe/Lisbon or UTC, was '" + text + "'");
        }
    }
}

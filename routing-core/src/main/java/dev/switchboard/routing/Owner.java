package dev.switchboard.routing;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Someone (or something) that can own conversations: an agent, a team or a queue, with what it knows and how
 * much it can hold. Immutable; build one with {@link #agent(String)}, {@link #team(String)} or
 * {@link #builder(String, OwnerKind)}.
 *
 * @param id unique on the roster
 * @param kind agent, team or queue
 * @param skills skill name (lower case) to proficiency (zero or more), by name
 * @param languages languages spoken (lower case), such as {@code en} or {@code pt-br}, by name
 * @param regions regions or territories covered (lower case), by name
 * @param capacity how many open conversations it may hold
 * @param weight its share in weighted distribution, zero or more (for example its daily reception limit)
 * @param autoAssign whether the router's strategies may give it work; an owner that opted out (a manager, a trainee)
 *     still claims from the queues and receives transfers
 * @param assignmentCap how many new conversations it may be given per rolling window, if limited
 * @param hours its working hours, if it has a shift: outside them it is given no work automatically
 * @param dailyCap how many new conversations it may be given per calendar day in its time zone, if limited
 * @param wrapUp how long after each release it is given no work automatically, if not the router's default
 */
public record Owner(
        String id,
        OwnerKind kind,
        Map<String, Integer> skills,
        Set<String> languages,
        Set<String> regions,
        Capacity capacity,
        int weight,
        boolean autoAssign,
        Optional<AssignmentCap> assignmentCap,
        Optional<WeeklySchedule> hours,
        Optional<DailyCap> dailyCap,
        Optional<Duration> wrapUp) {

    public Owner {
        Checks.id(id, "owner id");
        Checks.notNull(kind, "kind of owner '" + id + "'");
        Checks.notNull(skills, "skills of owner '" + id + "'");
        Map<String, Integer> normalisedSkills = new HashMap<>();
        skills.forEach((skill, level) -> {
            String key = Checks.key(skill, "skill of owner '" + id + "'");
            Checks.notNull(level, "proficiency of skill '" + key + "' of owner '" + id + "'");
            normalisedSkills.put(key, Checks.nonNegative(level, "proficiency of skill '" + key + "' of owner '" + id + "'"));
        });
        skills = Checks.byKey(normalisedSkills);
        languages = keys(Checks.notNull(languages, "languages of owner '" + id + "'"),
                "language of owner '" + id + "'");
        regions = keys(Checks.notNull(regions, "regions of owner '" + id + "'"), "region of owner '" + id + "'");
        Checks.notNull(capacity, "capacity of owner '" + id + "'");
        Checks.nonNegative(weight, "weight of owner '" + id + "'");
        Checks.notNull(assignmentCap, "assignmentCap of owner '" + id + "'");
        Checks.notNull(hours, "hours of owner '" + id + "'");
        Checks.notNull(dailyCap, "dailyCap of owner '" + id + "'");
        Checks.notNull(wrapUp, "wrapUp of owner '" + id + "'").ifPresent(time ->
                Checks.nonNegative(time, "wrapUp of owner '" + id + "'"));
    }

    /** The values as keys (trimmed, lower case), each checked as {@code field}, in name order. */
    private static Set<String> keys(Collection<String> values, String field) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String value : values) {
            normalised.add(Checks.key(value, field));
        }
        return Checks.sorted(normalised);
    }

    /** A builder for an agent (one person). */
    public static Builder agent(String id) {
        return builder(id, OwnerKind.AGENT);
    }

    /** A builder for a team that shares work. */
    public static Builder team(String id) {
        return builder(id, OwnerKind.TEAM);
    }

    /**
     * A builder for an owner of any kind. Defaults: no skills, languages or regions, capacity 1, weight 1, assigned
     * automatically, no assignment cap or daily cap, working at any hour, the router's wrap-up time.
     */
    public static Builder builder(String id, OwnerKind kind) {
        return new Builder(Checks.id(id, "owner id"), Checks.notNull(kind, "kind"));
    }

    /** The proficiency in a skill, or -1 when the owner lacks it. */
    public int proficiency(String skill) {
        Integer level = skills.get(Checks.notNull(skill, "skill"));
        return level == null ? -1 : level;
    }

    /** This owner with another capacity. */
    public Owner withCapacity(Capacity newCapacity) {
        return new Owner(id, kind, skills, languages, regions, newCapacity, weight, autoAssign, assignmentCap, hours,
                dailyCap, wrapUp);
    }

    /** Builds an {@link Owner}; each option is checked when set, and {@link #build()} leaves the builder reusable. */
    public static final class Builder {
        private final String id;
        private final OwnerKind kind;
        private final Map<String, Integer> skills = new HashMap<>();
        private final Set<String> languages = new LinkedHashSet<>();
        private final Set<String> regions = new LinkedHashSet<>();
        private Capacity capacity = Capacity.of(1);
        private int weight = 1;
        private boolean autoAssign = true;
        private Optional<AssignmentCap> assignmentCap = Optional.empty();
        private Optional<WeeklySchedule> hours = Optional.empty();
        private Optional<DailyCap> dailyCap = Optional.empty();
        private Optional<Duration> wrapUp = Optional.empty();

        private Builder(String id, OwnerKind kind) {
            this.id = id;
            this.kind = kind;
        }

        /** Adds a skill with its proficiency (zero or more; higher is better). */
        public Builder skill(String skill, int proficiency) {
            String key = Checks.key(skill, "skill of owner '" + id + "'");
            skills.put(key, Checks.nonNegative(proficiency, "proficiency of skill '" + key + "' of owner '" + id + "'"));
            return this;
        }

        /** Adds languages the owner speaks. */
        public Builder languages(String... languageTags) {
            languages.addAll(keys(Arrays.asList(Checks.notNull(languageTags, "languages of owner '" + id + "'")),
                    "language of owner '" + id + "'"));
            return this;
        }

        /** Adds regions or territories the owner covers. */
        public Builder regions(String... regionNames) {
            regions.addAll(keys(Arrays.asList(Checks.notNull(regionNames, "regions of owner '" + id + "'")),
                    "region of owner '" + id + "'"));
            return this;
        }

        /** Sets the total capacity, keeping per-channel limits set so far. */
        public Builder capacity(int total) {
            Checks.nonNegative(total, "capacity of owner '" + id + "'");
            capacity = new Capacity(total, capacity.perChannel());
            return this;
        }

        /** Limits one channel below the total. */
        public Builder channelCapacity(String channel, int limit) {
            Checks.nonNegative(limit, "capacity of owner '" + id + "' on channel '" + channel + "'");
            capacity = capacity.withChannel(channel, limit);
            return this;
        }

        /** Replaces the whole capacity. */
        public Builder capacity(Capacity value) {
            capacity = Checks.notNull(value, "capacity of owner '" + id + "'");
            return this;
        }

        /** Sets the share in weighted distribution (zero or more). */
        public Builder weight(int value) {
            weight = Checks.nonNegative(value, "weight of owner '" + id + "'");
            return this;
        }

        /**
         * Whether the router's strategies may give the owner work (default: yes). Without it the owner only gets work
         * it claims or that is transferred to it.
         */
        public Builder autoAssign(boolean value) {
            autoAssign = value;
            return this;
        }

        /** Limits the owner to {@code limit} new conversations per rolling {@code window}; see {@link AssignmentCap}. */
        public Builder assignmentCap(int limit, Duration window) {
            assignmentCap = Optional.of(new AssignmentCap(limit, window));
            return this;
        }

        /**
         * Sets the owner's working hours: outside them it is given no work automatically, but keeps what it has and
         * may still claim and receive transfers.
         */
        public Builder hours(WeeklySchedule schedule) {
            hours = Optional.of(Checks.notNull(schedule, "hours of owner '" + id + "'"));
            return this;
        }

        /**
         * Limits the owner to {@code limit} new conversations per calendar day in {@code zone} (a daily reception
         * limit); see {@link DailyCap}.
         */
        public Builder dailyCap(int limit, ZoneId zone) {
            dailyCap = Optional.of(new DailyCap(limit, zone));
            return this;
        }

        /**
         * How long after each release the owner is given no work automatically (its wrap-up time), instead of the
         * router's default; zero for none. It may still claim and receive transfers meanwhile.
         */
        public Builder wrapUp(Duration time) {
            wrapUp = Optional.of(Checks.nonNegative(time, "wrapUp of owner '" + id + "'"));
            return this;
        }

        public Owner build() {
            return new Owner(id, kind, skills, languages, regions, capacity, weight, autoAssign, assignmentCap, hours,
                    dailyCap, wrapUp);
        }
    }
}

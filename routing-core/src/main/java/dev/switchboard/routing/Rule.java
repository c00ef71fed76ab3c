package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One routing rule of a {@link RoutingPlan}: when a conversation meets every condition, this rule's chain picks
 * one of its owners, and the conversation waits in its queue when no step can place it. Build one with
 * {@link #builder(String)}.
 *
 * <pre>{@code
 * Rule bookings = Rule.builder("bookings")
 *         .when(new Condition.Is("type", "scheduling"))
 *         .owners("lucia", "tom")
 *         .chain(new StickyPreviousOwner(), new RoundRobin())
 *         .queue("scheduling")
 *         .build();
 * }</pre>
 *
 * @param name identifies the rule in traces, unique within a plan
 * @param when the conditions, all of which must hold; none matches every conversation
 * @param owners the owners the chain may choose from, by id; empty for every owner on the roster
 * @param chain the strategies tried in order; empty sends every matching conversation straight to the queue
 * @param queue where the conversation waits when no step places it, declared in the plan
 * @param note what the owner should know or have at hand, shown in the trace (may be empty)
 * @param hours the rule's business hours, if it has them: outside them it assigns nothing
 * @param afterHours what happens to a matching conversation outside the rule's hours
 * @param requires what of the conversation every owner the rule's chain may choose must meet, whichever step
 *     chooses (see {@link Requirement}), in {@link Requirement} order
 * @param offer when present, the owner the chain chooses is offered the conversation instead of given it, by this
 *     policy (see {@link OfferPolicy})
 * @param overflow what moves a conversation waiting in the rule's queue on, tried in this order (see
 *     {@link Overflow}); empty for nothing
 * @param targets the ordered targets a conversation moves through (see {@link Targets}), instead of {@code owners};
 *     {@link Targets#NONE} for none
 */
public record Rule(String name, List<Condition> when, Set<String> owners, List<Strategy> chain, String queue,
        String note, Optional<WeeklySchedule> hours, AfterHours afterHours, Set<Requirement> requires,
        Optional<OfferPolicy> offer, List<Overflow> overflow, Targets targets) {

    /**
     * What of a conversation a rule requires of every owner its chain may choose: the rule's candidates are only the
     * owners that meet it, so that every step honours it, round-robin, least-loaded and weighted ones too, and a
     * Spanish conversation never reaches an agent who does not speak Spanish.
     */
    public enum Requirement {
        /** The owner speaks the conversation's language, when it has one. */
        LANGUAGE,
        /** The owner covers the conversation's region, when it has one. */
        REGION,
        /** The owner has each required (not optional) skill of the conversation at its minimum proficiency. */
        SKILLS
    }

    /** What a rule does with a matching conversation outside its business hours. */
    public enum AfterHours {
        /** It waits in the rule's queue until the rule opens, and is then routed by the rule's chain. */
        HOLD,
        /**
         * It goes on to the next rule that matches, such as an after-hours team or queue; the plan's last rule always
         * holds.
         */
        NEXT_RULE
    }

    /** The name of the step that queues a conversation when every step of the chain passed. */
    static final String FALLBACK_STEP = "fallback";

    public Rule {
        Checks.id(name, "rule name");
        when = Checks.list(when, "when of rule '" + name + "'");
        Set<String> ids = new LinkedHashSet<>();
        for (String owner : Checks.notNull(owners, "owners of rule '" + name + "'")) {
            ids.add(Checks.id(owner, "owner of rule '" + name + "'"));
        }
        owners = Checks.sorted(ids);
        chain = Checks.list(chain, "chain of rule '" + name + "'");
        Set<String> stepNames = new HashSet<>();
        for (Strategy step : chain) {
            String stepName = Checks.id(step.name(), "name of chain step " + step.getClass().getName());
            if (!stepNames.add(stepName) || stepName.equals(FALLBACK_STEP)) {
                throw new IllegalArgumentException("chain step name '" + stepName + "' is used twice in the chain");
            }
        }
        Checks.id(queue, "queue of rule '" + name + "'");
        Checks.notNull(note, "note of rule '" + name + "'");
        Checks.notNull(hours, "hours of rule '" + name + "'");
        Checks.notNull(afterHours, "afterHours of rule '" + name + "'");
        for (Requirement need : Checks.notNull(requires, "requires of rule '" + name + "'")) {
            Checks.notNull(need, "requirement of rule '" + name + "'");
        }
        requires = Checks.sorted(requires);
        Checks.notNull(offer, "offer of rule '" + name + "'");
        overflow = Checks.list(overflow, "overflow of rule '" + name + "'");
        Checks.notNull(targets, "targets of rule '" + name + "'");
        if (!targets.isEmpty() && !owners.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' names owners and targets; its targets name its"
                    + " owners");
        }
    }

    /** A rule that assigns what its chain chooses, without offers or overflow. */
    public Rule(String name, List<Condition> when, Set<String> owners, List<Strategy> chain, String queue,
            String note, Optional<WeeklySchedule> hours, AfterHours afterHours, Set<Requirement> requires) {
        this(name, when, owners, chain, queue, note, hours, afterHours, requires, Optional.empty(), List.of(),
                Targets.NONE);
    }

    /**
     * A builder: no conditions, every owner, an empty chain, no note, open at all hours and no requirements until
     * set; the queue must be set.
     */
    public static Builder builder(String name) {
        return new Builder(Checks.id(name, "rule name"));
    }

    /** Every owner the rule's chain may ever choose: its owners, or its targets' owners; empty for the whole roster. */
    Set<String> allOwners() {
        return targets.isEmpty() ? owners : targets.allOwners();
    }

    /** Whether the conversation meets every condition. */
    public boolean matches(Conversation conversation) {
        Checks.notNull(conversation, "conversation");
        for (Condition condition : when) {
            if (!condition.test(conversation)) {
                return false;
            }
        }
        return true;
    }

    /** What the rule requires of owners for this conversation ({@link Requirements#NONE} when nothing). */
    Requirements requirementsFor(Conversation conversation) {
        return requires.isEmpty() ? Requirements.NONE : requirementsFor(Requirements.of(conversation));
    }

    /** What the rule requires of owners for a conversation that states {@code stated} (see {@link Requirements#of}). */
    Requirements requirementsFor(Requirements stated) {
        if (requires.isEmpty()) {
            return Requirements.NONE;
        }
        List<SkillRequirement> skills = new ArrayList<>();
        if (requires.contains(Requirement.SKILLS)) {
            for (SkillRequirement skill : stated.skills()) {
                if (!skill.optional()) {
                    skills.add(skill);
                }
            }
        }
        return new Requirements(skills, requires.contains(Requirement.LANGUAGE) ? stated.language() : "",
                requires.contains(Requirement.REGION) ? stated.region() : "");
    }

    /** Whether the rule is within its business hours at an instant (a rule without hours always is). */
    boolean isOpen(Instant at) {
        return hours.isEmpty() || hours.get().isOpen(at);
    }

    /** Why this rule took the conversation, for the trace: its conditions (or why it catches all), and its note. */
    String explain(Conversation conversation, boolean first) {
        List<String> parts = new ArrayList<>();
        for (Condition condition : when) {
            parts.add(condition.describe(conversation));
        }
        String why = !parts.isEmpty() ? String.join(", ", parts)
                : first ? "it takes every conversation" : "no earlier rule matched";
        return note.isEmpty() ? why : why + " (note: " + note + ")";
    }

    /** Builds a {@link Rule}; each option is checked when set, and {@link #build()} leaves the builder reusable. */
    public static final class Builder {
        private final String name;
        private final List<Condition> when = new ArrayList<>();
        private final Set<String> owners = new LinkedHashSet<>();
        private final List<Strategy> chain = new ArrayList<>();
        private String queue;
        private String note = "";
        private Optional<WeeklySchedule> hours = Optional.empty();
        private AfterHours afterHours = AfterHours.HOLD;
        private final Set<Requirement> requires = new LinkedHashSet<>();
        private Optional<OfferPolicy> offer = Optional.empty();
        private final List<Overflow> overflow = new ArrayList<>();
        private Targets targets = Targets.NONE;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds conditions, all of which must hold. */
        public Builder when(Condition... conditions) {
            for (Condition condition : Checks.notNull(conditions, "conditions of rule '" + name + "'")) {
                Checks.notNull(condition, "condition of rule '" + name + "'");
            }
            when.addAll(List.of(conditions));
            return this;
        }

        /** Restricts the chain to these owners (a team, or one named owner). */
        public Builder owners(String... ownerIds) {
            return owners(Arrays.asList(Checks.notNull(ownerIds, "owners of rule '" + name + "'")));
        }

        /** Restricts the chain to these owners (a team, or one named owner). */
        public Builder owners(Collection<String> ownerIds) {
            for (String owner : Checks.notNull(ownerIds, "owners of rule '" + name + "'")) {
                Checks.id(owner, "owner of rule '" + name + "'");
            }
            owners.addAll(ownerIds);
            return this;
        }

        /** Appends steps to the chain, tried in the order given. */
        public Builder chain(Strategy... steps) {
            for (Strategy step : Checks.notNull(steps, "chain of rule '" + name + "'")) {
                Checks.notNull(step, "chain step of rule '" + name + "'");
            }
            chain.addAll(List.of(steps));
            return this;
        }

        /** The queue where matching conversations wait when no step places them (required). */
        public Builder queue(String value) {
            queue = Checks.id(value, "queue of rule '" + name + "'");
            return this;
        }

        /** What the owner should know or have at hand, shown in the trace. */
        public Builder note(String value) {
            note = Checks.notNull(value, "note of rule '" + name + "'");
            return this;
        }

        /** Sets the rule's business hours, and what happens to a matching conversation outside them. */
        public Builder hours(WeeklySchedule schedule, AfterHours whenClosed) {
            hours = Optional.of(Checks.notNull(schedule, "hours of rule '" + name + "'"));
            afterHours = Checks.notNull(whenClosed, "afterHours of rule '" + name + "'");
            return this;
        }

        /**
         * Requires every owner the chain picks to meet these needs of the conversation (see {@link Requirement}); all
         * or none are added.
         */
        public Builder requires(Requirement... needs) {
            Checks.notNull(needs, "requires of rule '" + name + "'");
            for (Requirement need : needs) {
                Checks.notNull(need, "requirement of rule '" + name + "'");
            }
            requires.addAll(List.of(needs));
            return this;
        }

        /**
         * Offers the conversation to the owner the chain chooses (or to several, see {@link OfferPolicy#ring}) instead
         * of giving it to them, until one accepts.
         */
        public Builder offer(OfferPolicy policy) {
            offer = Optional.of(Checks.notNull(policy, "offer of rule '" + name + "'"));
            return this;
        }

        /**
         * Appends overflow policies (see {@link Overflow}), tried in the order given: {@code overflow(a, b)} tries
         * {@code a} first.
         */
        public Builder overflow(Overflow... policies) {
            for (Overflow policy : Checks.notNull(policies, "overflow of rule '" + name + "'")) {
                Checks.notNull(policy, "overflow policy of rule '" + name + "'");
            }
            overflow.addAll(List.of(policies));
            return this;
        }

        /** Routes through ordered targets (see {@link Targets}) instead of a fixed set of {@link #owners owners}. */
        public Builder targets(Targets value) {
            targets = Checks.notNull(value, "targets of rule '" + name + "'");
            return this;
        }

        public Rule build() {
            if (queue == null) {
                throw new IllegalStateException("queue of rule '" + name + "' is not set");
            }
            return new Rule(name, when, owners, chain, queue, note, hours, afterHours, requires, offer, overflow,
                    targets);
        }
    }
}

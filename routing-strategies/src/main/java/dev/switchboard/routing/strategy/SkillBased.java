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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Skill-based routing: the conversation goes to the owner that best matches what it needs. An owner matches when it
 * has every required skill at or above the minimum proficiency, speaks the conversation's language (when one is
 * set) and covers its region (when one is set). Products and offers are modelled as skills, such as
 * {@code offer:consulting} or {@code product:implementation}, so "who may handle this offer" is a skill requirement.
 *
 * <p><b>Score.</b> Among the matching owners that can take the conversation now, the highest score wins: the sum of
 * the owner's proficiency in each skill that applies, so a stronger match beats a bare one. Equal scores are
 * settled by the {@link TieBreak}, then by roster order.
 *
 * <p><b>Order by several skills.</b> Instead of the sum, {@link Builder#orderBy} compares owners by one skill and then
 * the next, each highest or lowest first, as Twilio TaskRouter's {@code order_by} does ("highest billing, then
 * lowest tech"); an owner lacking a skill counts as below every level. What the keys leave tied goes to the
 * {@link TieBreak}, then to roster order.
 *
 * <p><b>Relaxation.</b> A conversation that has waited may ask for less, as in bullseye routing: each
 * {@link Relaxation} step applies once the conversation has waited a given time since it was created, and drops
 * optional skills, lowers every minimum, or both. Step 0 is every requirement as stated. The strictest applicable
 * level is tried first and the strategy loosens only as far as the wait allows, so an owner who can take the
 * conversation at a stricter level is never passed over for a looser one; the verdict names the step that matched.
 *
 * <pre>{@code
 * SkillBased skills = SkillBased.builder()
 *         .tieBreak(SkillBased.TieBreak.LONGEST_IDLE)
 *         .relax(Relaxation.afterWaiting(Duration.ofMinutes(2)).lowerMinimumsBy(1))
 *         .relax(Relaxation.afterWaiting(Duration.ofMinutes(5)).lowerMinimumsBy(1).dropOptional())
 *         .build();
 * }</pre>
 */
public final class SkillBased implements Strategy {

    /** How owners with the same best score are told apart; roster order settles what is still tied. */
    public enum TieBreak {
        /** The lowest utilisation (open conversations divided by total capacity). */
        LEAST_LOADED,
        /** The one whose last assignment is oldest; an owner never assigned is the idlest of all. */
        LONGEST_IDLE,
        /** Take turns: the first tied owner at or after the roster position following the last one this rule chose. */
        ROUND_ROBIN
    }

    /**
     * One relaxation step: once a conversation has waited {@code after} since it was created, optional skills are
     * dropped when {@code dropsOptional}, and every minimum proficiency is lowered by {@code lowersMinimumsBy}
     * (never below zero). Each step states its whole level, not a change to the step before it.
     *
     * @param after how long the conversation must have waited, positive and at most {@link Bounds#MAX_DURATION}
     * @param dropsOptional whether optional skill requirements no longer apply
     * @param lowersMinimumsBy how much every minimum proficiency is lowered, zero or more
     */
    public record Relaxation(Duration after, boolean dropsOptional, int lowersMinimumsBy) {

        public Relaxation {
            Bounds.positiveDuration(after, "relaxation wait");
            if (lowersMinimumsBy < 0) {
                throw new IllegalArgumentException("lowersMinimumsBy of the relaxation after "
                        + Durations.describe(after) + " must not be negative, was " + lowersMinimumsBy);
            }
        }

        /** A step that applies after waiting this long; say what it relaxes with {@link #dropOptional()} and
         * {@link #lowerMinimumsBy(int)}. */
        public static Relaxation afterWaiting(Duration wait) {
            return new Relaxation(wait, false, 0);
        }

        /** This step, also dropping optional skill requirements. */
        public Relaxation dropOptional() {
            return new Relaxation(after, true, lowersMinimumsBy);
        }

        /** This step, lowering every minimum proficiency by {@code amount} instead. */
        public Relaxation lowerMinimumsBy(int amount) {
            return new Relaxation(after, dropsOptional, amount);
        }

        /** What this step relaxes, for people: "optional skills dropped and minimums lowered by 1". */
        String describe() {
            if (dropsOptional && lowersMinimumsBy > 0) {
                return "optional skills dropped and minimums lowered by " + lowersMinimumsBy;
            }
            return dropsOptional ? "optional skills dropped" : "minimums lowered by " + lowersMinimumsBy;
        }

        Requirements applyTo(Requirements requirements) {
            return requirements.relaxed(dropsOptional, lowersMinimumsBy);
        }

        /** Whether this step asks for no more than {@code stricter} in every way, and for less in one. */
        boolean isLooserThan(Relaxation stricter) {
            boolean noStricter = (dropsOptional || !stricter.dropsOptional)
                    && lowersMinimumsBy >= stricter.lowersMinimumsBy;
            return noStricter && (dropsOptional != stricter.dropsOptional
                    || lowersMinimumsBy != stricter.lowersMinimumsBy);
        }
    }

    /**
     * One key of an ordering by several skills in turn (see {@link Builder#orderBy}).
     *
     * @param skill the skill compared (lower case)
     * @param highestFirst whether the highest proficiency comes first, else the lowest
     */
    public record OrderKey(String skill, boolean highestFirst) {

        public OrderKey {
            skill = Bounds.id(skill, "skill of order key").trim().toLowerCase(Locale.ROOT);
        }

        /** Highest proficiency in the skill first. */
        public static OrderKey highest(String skill) {
            return new OrderKey(skill, true);
        }

        /** Lowest proficiency in the skill first. */
        public static OrderKey lowest(String skill) {
            return new OrderKey(skill, false);
        }
    }

    /** The largest relaxation step and count of ties whose sentences are kept (see {@link #reason}). */
    private static final int MAX_KEPT_STEP = 0xFF;
    private static final int MAX_KEPT_TIES = 0xFF_FFFF;

    private final String name;
    private final BusyPolicy busyPolicy;
    private final TieBreak tieBreak;
    private final List<Relaxation> relaxations;
    private final List<OrderKey> orderBy;
    private final Sentences sentences = new Sentences();

    private SkillBased(Builder builder) {
        this.name = builder.name;
        this.busyPolicy = builder.busyPolicy;
        this.tieBreak = builder.tieBreak;
        this.relaxations = List.copyOf(builder.relaxations);
        this.orderBy = List.copyOf(builder.orderBy);
    }

    /**
     * A builder; the defaults are name {@code skill-based}, busy owners excluded, least loaded, no relaxation, ordered
     * by the sum of proficiencies.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        int loosestStep = 0;
        if (!relaxations.isEmpty()) {
            Duration waited = Duration.between(conversation.createdAt(), view.now());
            while (loosestStep < relaxations.size() && waited.compareTo(relaxations.get(loosestStep).after()) >= 0) {
                loosestStep++;
            }
        }
        Requirements stated = Requirements.of(conversation);
        Requirements requirements = stated;
        for (int step = 0; step <= loosestStep; step++) {
            requirements = step == 0 ? stated : relaxations.get(step - 1).applyTo(stated);
            Eligible eligible = view.eligible(requirements, busyPolicy);
            if (eligible.next()) {
                return best(eligible, step, view);
            }
        }
        Verdict.Pass pass = Eligibility.noneCanTake(view.matched(requirements, busyPolicy), busyPolicy,
                requirements.describeOwners());
        String further = loosestStep < relaxations.size()
                ? "; requirements relax further after " + Durations.describe(relaxations.get(loosestStep).after())
                : "";
        String at = loosestStep == 0 ? "" : " (at " + step(loosestStep) + ")";
        return Verdict.pass(pass.code(), pass.reason() + at + further);
    }

    /**
     * The loosest level this step ever asks for: the last relaxation step's, or every requirement as stated without
     * relaxation. Each level asks no more than the one before, so every owner it assigns meets this one.
     */
    @Override
    public Requirements assigneeMeets(Requirements stated) {
        return relaxations.isEmpty() ? stated : relaxations.get(relaxations.size() - 1).applyTo(stated);
    }

    /**
     * Assigns the highest-scoring eligible owner, settling ties by the tie-break and then roster order, in one pass
     * over the eligible owners (which come in roster order), positioned on the first.
     */
    private Verdict.Assign best(Eligible eligible, int step, RoutingView view) {
        long cursor = tieBreak == TieBreak.ROUND_ROBIN ? view.cursor(name) : 0L;
        int bestScore = Integer.MIN_VALUE;
        int tied = 0;
        Owner chosen = null;
        long chosenPosition = -1;
        double chosenUtilisation = 0;
        Instant chosenLastAssigned = null;
        boolean chosenAtOrAfterCursor = false;
        int ceiling = orderBy.isEmpty() ? eligible.scoreCeiling() : Integer.MAX_VALUE;
        do {
            int score = eligible.score();
            int rank = !orderBy.isEmpty() ? (chosen == null ? 1 : SkillOrder.compare(orderBy, eligible.owner(), chosen))
                    : Integer.compare(score, bestScore);
            if (rank < 0) {
                continue;
            }
            boolean better;
            if (rank > 0) {
                bestScore = score;
                if (orderBy.isEmpty()) {
                    eligible.raiseScoreFloor(score); // the index skips owners whose levels cannot reach it
                }
                tied = 0;
                better = true;
            } else {
                better = !nobodyLaterBeats(chosenUtilisation, chosenLastAssigned, chosenAtOrAfterCursor)
                        && switch (tieBreak) {
                            case LEAST_LOADED -> eligible.utilisation() < chosenUtilisation;
                            case LONGEST_IDLE -> eligible.lastAssignedAt().isBefore(chosenLastAssigned);
                            case ROUND_ROBIN -> eligible.rosterPosition() >= cursor;
                        };
            }
            tied++;
            if (better) { // keep only what the tie-break compares: the last assignment is read from the owner's slot
                chosen = eligible.owner();
                chosenPosition = eligible.rosterPosition();
                chosenUtilisation = tieBreak == TieBreak.LEAST_LOADED ? eligible.utilisation() : 0;
                chosenLastAssigned = tieBreak == TieBreak.LONGEST_IDLE ? eligible.lastAssignedAt() : null;
                chosenAtOrAfterCursor = chosenPosition >= cursor;
            }
            if (bestScore >= ceiling && nobodyLaterBeats(chosenUtilisation, chosenLastAssigned,
                    chosenAtOrAfterCursor)) {
                tied += eligible.countRest(); // everyone left ties, and the tie-break keeps the chosen: count them
                break;
            }
        } while (eligible.next());
        String reason = reason(chosen, bestScore, step, tied);
        return tied > 1 && tieBreak == TieBreak.ROUND_ROBIN
                ? new Verdict.Assign(chosen.id(), reason, Map.of(name, chosenPosition + 1))
                : new Verdict.Assign(chosen.id(), reason, Map.of());
    }

    /**
     * Whether the tie-break keeps the chosen owner over any later one with its score, without looking at them: nobody
     * beats an idle owner, nor one never assigned, nor the first at or after the rotation's cursor.
     */
    private boolean nobodyLaterBeats(double chosenUtilisation, Instant chosenLastAssigned,
            boolean chosenAtOrAfterCursor) {
        return switch (tieBreak) {
            case LEAST_LOADED -> chosenUtilisation <= 0;
            case LONGEST_IDLE -> chosenLastAssigned.equals(Instant.MIN);
            case ROUND_ROBIN -> chosenAtOrAfterCursor;
        };
    }

    /**
     * The sentence of an assignment: said again from {@link #sentences} when its score, step and ties were said
     * before (a sentence that names the chosen owner's values, for an order by attributes, is built each time).
     */
    private String reason(Owner chosen, int score, int step, int tied) {
        if (!orderBy.isEmpty() || step > MAX_KEPT_STEP || tied > MAX_KEPT_TIES) {
            return sentence(chosen, score, step, tied);
        }
        long key = (long) score << Integer.SIZE | (long) tied << Byte.SIZE | step;
        String said = sentences.get(key);
        return said != null ? said : sentences.keep(key, sentence(chosen, score, step, tied));
    }

    private String sentence(Owner chosen, int score, int step, int tied) {
        String reason = (orderBy.isEmpty() ? "best skill match (score " + score + ")"
                : "best skill match " + SkillOrder.describe(orderBy, chosen))
                + (step == 0 ? ", every requirement met" : " at " + step(step));
        if (tied == 1) {
            return reason;
        }
        return reason + "; " + tied + " owners tied, " + switch (tieBreak) {
            case LEAST_LOADED -> "least loaded chosen";
            case LONGEST_IDLE -> "longest idle chosen";
            case ROUND_ROBIN -> "next in rotation chosen";
        };
    }

    /** A relaxation step (one or more) for people: "relaxation step 2, after 5m: optional skills dropped". */
    private String step(int step) {
        Relaxation relaxation = relaxations.get(step - 1);
        return "relaxation step " + step + ", after " + Durations.describe(relaxation.after()) + ": "
                + relaxation.describe();
    }

    /** Builds a {@link SkillBased}; each option is checked when set, and {@link #build()} leaves it reusable. */
    public static final class Builder {
        private String name = "skill-based";
        private BusyPolicy busyPolicy = BusyPolicy.EXCLUDE;
        private TieBreak tieBreak = TieBreak.LEAST_LOADED;
        private final List<Relaxation> relaxations = new ArrayList<>();
        private final List<OrderKey> orderBy = new ArrayList<>();

        private Builder() {}

        /**
         * Orders the matching owners by these skills in turn, instead of by the sum of their proficiencies: the first
         * key decides, the next settles its ties, and so on; added after the keys given so far, each skill once.
         */
        public Builder orderBy(OrderKey... keys) {
            for (OrderKey key : Args.notNull(keys, "orderBy")) {
                Args.notNull(key, "order key");
                for (OrderKey known : orderBy) {
                    if (known.skill().equals(key.skill())) {
                        throw new IllegalArgumentException("orderBy names skill '" + key.skill() + "' twice");
                    }
                }
                orderBy.add(key);
            }
            return this;
        }

        /** The step's name in traces, also the key of its round-robin cursor (unique within a router). */
        public Builder name(String value) {
            name = Names.check(value);
            return this;
        }

        /** Whether busy owners take part. */
        public Builder busyPolicy(BusyPolicy value) {
            busyPolicy = Args.notNull(value, "busyPolicy");
            return this;
        }

        /** How owners with the same best score are told apart. */
        public Builder tieBreak(TieBreak value) {
            tieBreak = Args.notNull(value, "tieBreak");
            return this;
        }

        /**
         * Adds the next relaxation step. Steps must come in order of wait, each waiting longer and relaxing more
         * than the one before, so that a longer wait never asks for more.
         */
        public Builder relax(Relaxation step) {
            Args.notNull(step, "relaxation");
            String which = "relaxation step " + (relaxations.size() + 1) + " (after " + Durations.describe(step.after())
                    + ")";
            if (!step.dropsOptional() && step.lowersMinimumsBy() == 0) {
                throw new IllegalArgumentException(which
                        + " relaxes nothing: use dropOptional(), lowerMinimumsBy(n), or both");
            }
            if (!relaxations.isEmpty()) {
                Relaxation previous = relaxations.get(relaxations.size() - 1);
                String before = "step " + relaxations.size() + " (after " + Durations.describe(previous.after()) + ": "
                        + previous.describe() + ")";
                if (step.after().compareTo(previous.after()) <= 0) {
                    throw new IllegalArgumentException(which + " must wait longer than " + before);
                }
                if (!step.isLooserThan(previous)) {
                    throw new IllegalArgumentException(which + " (" + step.describe() + ") must relax more than "
                            + before + " and never less");
                }
            }
            relaxations.add(step);
            return this;
        }

        /** The strategy, as configured. */
        public SkillBased build() {
            return new SkillBased(this);
        }
    }
}

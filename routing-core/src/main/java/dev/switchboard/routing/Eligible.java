package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * The candidates of one decision that meet some {@link Requirements} and can take the conversation now, visited in
 * roster order without building a {@link Candidate} for each: a forward-only cursor, like an iterator, that starts
 * before the first one. It is valid only during the {@link Strategy#decide} call whose view made it.
 *
 * <p>The router finds these owners through its indexes (presence, room, skills, languages, regions), so a strategy
 * touches only the owners that qualify; {@link #scan} finds the same ones by looking at every candidate, for views
 * made of plain values.
 *
 * <pre>{@code
 * Eligible eligible = view.eligible(Requirements.of(conversation), BusyPolicy.EXCLUDE);
 * while (eligible.next()) {
 *     int score = eligible.score();
 *     ...
 * }
 * }</pre>
 */
public interface Eligible {

    /** Moves to the next eligible owner in roster order; false when there is none left. */
    boolean next();

    /**
     * Moves forward to the first eligible owner whose roster position is at least {@code rosterPosition}, or stays
     * on the current one if it already is; false when there is none left.
     */
    boolean advanceTo(long rosterPosition);

    /**
     * Narrows the rest of the walk to the owners whose {@link #score} is at least {@code score}: a strategy that
     * looks for the best score raises the floor to the best it has seen, so that the index skips owners whose skill
     * levels cannot reach it. The floor only rises; a lower one changes nothing. The current owner stays current.
     */
    void raiseScoreFloor(int score);

    /**
     * A score no owner the rest of the walk visits is above: a strategy that has found an owner with this score
     * knows that nobody after it scores higher. {@link Integer#MAX_VALUE} (the default) when the walk knows no such
     * bound.
     */
    default int scoreCeiling() {
        return Integer.MAX_VALUE;
    }

    /**
     * Counts the owners the walk has yet to visit and ends it, as calling {@link #next} until it returns false
     * would: a strategy that knows none of them can be chosen counts them (the ties a trace reports) without
     * looking at each. The router's indexes count a word of owners at a time.
     */
    default int countRest() {
        int rest = 0;
        while (next()) {
            rest++;
        }
        return rest;
    }

    /** The current owner. */
    Owner owner();

    /** The current owner's roster position (see {@link Candidate#rosterPosition()}). */
    long rosterPosition();

    /** The current owner's open conversations across all channels. */
    int load();

    /** The current owner's load divided by its total capacity (see {@link Candidate#utilisation()}). */
    double utilisation();

    /** When the current owner was last given a conversation, or {@link Instant#MIN} if never. */
    Instant lastAssignedAt();

    /** When a conversation the current owner owned was last released, or {@link Instant#MIN} if never. */
    default Instant lastReleasedAt() {
        return candidate().lastReleasedAt();
    }

    /**
     * How many conversations the current owner released at or after {@code since} (see
     * {@link Candidate#completedSince}).
     */
    default int completedSince(Instant since) {
        return candidate().completedSince(since);
    }

    /** The current owner's proficiency summed over the skills of the requirements (see {@link Requirements#score}). */
    int score();

    /** The current owner as a {@link Candidate}, built on request. */
    Candidate candidate();

    /**
     * The candidates that meet the requirements and can take the conversation under the busy policy, found by
     * looking at each of {@code candidates} (in roster order): what the router's indexes must agree with.
     */
    static Eligible scan(List<Candidate> candidates, Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(candidates, "candidates");
        Checks.notNull(requirements, "requirements");
        Checks.notNull(busyPolicy, "busyPolicy");
        IntFunction<Candidate> candidateAt = index -> {
            Candidate candidate = candidates.get(index);
            return candidate != null ? candidate : Checks.notNull(candidate, "candidates[" + index + "]");
        };
        return new ScannedEligible(candidates.size(), null, candidateAt, requirements, busyPolicy);
    }

    /**
     * As {@link #scan(List, Requirements, BusyPolicy)}, over the owners a store holds in roster order, building each
     * one's candidate only when the walk reaches it: what a store's view gives when it keeps no indexes, so that a
     * strategy that looks at a few owners (a rotation picks the next one with room) builds a few candidates, not one
     * for each owner of the roster.
     *
     * @param size how many owners there are, at indexes {@code 0} to {@code size - 1}
     * @param positionAt the roster position of the owner at an index, without building its candidate; positions
     *     strictly ascend with the index
     * @param candidateAt the candidate at an index, or null for an owner this decision leaves out (held back, or not
     *     among the rule's owners); called at most once an index by one walk
     */
    static Eligible scan(int size, IntToLongFunction positionAt, IntFunction<Candidate> candidateAt,
            Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(positionAt, "positionAt");
        Checks.notNull(candidateAt, "candidateAt");
        Checks.notNull(requirements, "requirements");
        Checks.notNull(busyPolicy, "busyPolicy");
        return new ScannedEligible(Checks.nonNegative(size, "size"), positionAt, candidateAt, requirements, busyPolicy);
    }
}

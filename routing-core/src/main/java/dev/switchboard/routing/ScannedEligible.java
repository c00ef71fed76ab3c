package dev.switchboard.routing;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * {@link Eligible} over the candidates of a roster in order, testing each in turn: it builds a candidate only when
 * the walk reaches it, and, given the positions, {@link #advanceTo} skips those before a position by their positions
 * alone.
 */
final class ScannedEligible implements Eligible {

    private final int size;
    /** The positions by index, ascending; null for a list of candidates in any order, walked one by one. */
    private final IntToLongFunction positionAt;
    private final IntFunction<Candidate> candidateAt;
    private final Requirements requirements;
    private final BusyPolicy busyPolicy;
    /** Whether the requirements ask for nothing: every owner meets them, with a score of zero. */
    private final boolean askNothing;
    private int index = -1;
    private int scoreFloor = Integer.MIN_VALUE;
    private Candidate current;

    ScannedEligible(int size, IntToLongFunction positionAt, IntFunction<Candidate> candidateAt,
            Requirements requirements, BusyPolicy busyPolicy) {
        this.size = size;
        this.positionAt = positionAt;
        this.candidateAt = candidateAt;
        this.requirements = requirements;
        this.busyPolicy = busyPolicy;
        this.askNothing = requirements.skills().isEmpty() && requirements.language().isEmpty()
                && requirements.region().isEmpty();
    }

    @Override
    public boolean next() {
        while (++index < size) {
            Candidate candidate = candidateAt.apply(index);
            if (candidate != null && candidate.canTake(busyPolicy)
                    && (askNothing ? scoreFloor <= 0 // every score is zero
                            : requirements.metBy(candidate.owner()) && (scoreFloor == Integer.MIN_VALUE
                                    || requirements.score(candidate.owner()) >= scoreFloor))) {
                current = candidate;
                return true;
            }
        }
        current = null;
        index = size;
        return false;
    }

    @Override
    public boolean advanceTo(long rosterPosition) {
        if (current != null && current.rosterPosition() >= rosterPosition) {
            return true;
        }
        if (positionAt != null) {
            index = firstAtOrAfter(rosterPosition) - 1;
        }
        while (next()) {
            if (current.rosterPosition() >= rosterPosition) {
                return true;
            }
        }
        return false;
    }

    /** The first index after the current one whose position is at least {@code rosterPosition}; positions ascend. */
    private int firstAtOrAfter(long rosterPosition) {
        int low = index + 1;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (positionAt.applyAsLong(middle) < rosterPosition) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public void raiseScoreFloor(int score) {
        scoreFloor = Math.max(scoreFloor, score);
    }

    @Override
    public Owner owner() {
        return current().owner();
    }

    @Override
    public long rosterPosition() {
        return current().rosterPosition();
    }

    @Override
    public int load() {
        return current().load();
    }

    @Override
    public double utilisation() {
        return current().utilisation();
    }

    @Override
    public Instant lastAssignedAt() {
        return current().lastAssignedAt();
    }

    @Override
    public int score() {
        return requirements.score(current().owner());
    }

    @Override
    public Candidate candidate() {
        return current();
    }

    private Candidate current() {
        if (current == null) {
            throw new NoSuchElementException("no current owner: call next() first, and only while it returns true");
        }
        return current;
    }
}

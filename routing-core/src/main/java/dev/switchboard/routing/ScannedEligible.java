package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** {@link Eligible} over a list of candidates, testing each in turn. */
final class ScannedEligible implements Eligible {

    private final List<Candidate> candidates;
    private final Requirements requirements;
    private final BusyPolicy busyPolicy;
    /** Whether the requirements ask for nothing: every owner meets them, with a score of zero. */
    private final boolean askNothing;
    private int index = -1;
    private int scoreFloor = Integer.MIN_VALUE;
    private Candidate current;

    ScannedEligible(List<Candidate> candidates, Requirements requirements, BusyPolicy busyPolicy) {
        this.candidates = candidates;
        this.requirements = requirements;
        this.busyPolicy = busyPolicy;
        this.askNothing = requirements.skills().isEmpty() && requirements.language().isEmpty()
                && requirements.region().isEmpty();
    }

    @Override
    public boolean next() {
        int size = candidates.size();
        while (++index < size) {
            Candidate candidate = candidates.get(index);
            if (candidate.canTake(busyPolicy) && (askNothing ? scoreFloor <= 0 // every score is zero
                    : requirements.metBy(candidate.owner()) && (scoreFloor == Integer.MIN_VALUE
                            || requirements.score(candidate.owner()) >= scoreFloor))) {
                current = candidate;
                return true;
            }
        }
        current = null;
        index = candidates.size();
        return false;
    }

    @Override
    public boolean advanceTo(long rosterPosition) {
        if (current != null && current.rosterPosition() >= rosterPosition) {
            return true;
        }
        while (next()) {
            if (current.rosterPosition() >= rosterPosition) {
                return true;
            }
        }
        return false;
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

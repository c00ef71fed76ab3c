package dev.switchboard.routing.examples.bench;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RoutingView} of fixed candidates whose every cursor reads one sequence number, which the benchmark moves
 * after each decision as the router would store the verdict's cursor: a strategy's decision measured on its own,
 * without the router around it. No customer memory. Not thread-safe: one thread.
 */
final class FixedView implements RoutingView {

    private final Instant now;
    private final List<Candidate> candidates;
    private long sequence;

    FixedView(Instant now, List<Candidate> candidates) {
        this.now = now;
        this.candidates = List.copyOf(candidates);
    }

    /** Moves every cursor on by one. */
    void advance() {
        sequence++;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public List<Candidate> candidates() {
        return candidates;
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        return candidates.stream().filter(candidate -> candidate.id().equals(ownerId)).findFirst();
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        return Optional.empty();
    }

    @Override
    public long cursor(String key) {
        return sequence;
    }
}

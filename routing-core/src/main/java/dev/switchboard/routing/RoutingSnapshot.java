package dev.switchboard.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link RoutingView} made of plain values: for testing strategies in isolation, for tools that
 * replay decisions, and for custom strategies' own tests.
 *
 * @param now the time of the decision, within {@link Bounds}
 * @param candidates the owners in roster order
 * @param previousOwners customer id to the owner who last served it
 * @param cursors strategy cursors
 * @param primaryOwners customer id to its primary owner (see {@link RoutingView#primaryOwner}), where it is not the
 *     previous owner
 */
public record RoutingSnapshot(Instant now, List<Candidate> candidates, Map<String, String> previousOwners,
        Map<String, Long> cursors, Map<String, String> primaryOwners) implements RoutingView {

    public RoutingSnapshot {
        Checks.instant(now, "now");
        candidates = List.copyOf(Checks.notNull(candidates, "candidates"));
        previousOwners = Map.copyOf(Checks.notNull(previousOwners, "previousOwners"));
        cursors = Map.copyOf(Checks.notNull(cursors, "cursors"));
        primaryOwners = Map.copyOf(Checks.notNull(primaryOwners, "primaryOwners"));
        Map<String, Candidate> seen = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (seen.put(candidate.id(), candidate) != null) {
                throw new IllegalArgumentException("candidates name owner '" + candidate.id() + "' twice");
            }
        }
    }

    /** A snapshot whose customers' primary owners are their previous owners. */
    public RoutingSnapshot(Instant now, List<Candidate> candidates, Map<String, String> previousOwners,
            Map<String, Long> cursors) {
        this(now, candidates, previousOwners, cursors, Map.of());
    }

    /** A snapshot with no customer memory and no cursors. */
    public static RoutingSnapshot of(Instant now, List<Candidate> candidates) {
        return new RoutingSnapshot(now, candidates, Map.of(), Map.of());
    }

    /** This snapshot with cursors moved, as the router would store them after an assignment. */
    public RoutingSnapshot withCursors(Map<String, Long> moves) {
        Map<String, Long> moved = new HashMap<>(cursors);
        moved.putAll(moves);
        return new RoutingSnapshot(now, candidates, previousOwners, moved, primaryOwners);
    }

    @Override
    public Optional<Candidate> candidate(String ownerId) {
        for (Candidate candidate : candidates) {
            if (candidate.id().equals(ownerId)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> previousOwner(String customerId) {
        return Optional.ofNullable(previousOwners.get(customerId));
    }

    @Override
    public Optional<String> primaryOwner(String customerId) {
        String primary = primaryOwners.get(customerId);
        return primary != null ? Optional.of(primary) : previousOwner(customerId);
    }

    @Override
    public long cursor(String key) {
        return cursors.getOrDefault(key, 0L);
    }
}

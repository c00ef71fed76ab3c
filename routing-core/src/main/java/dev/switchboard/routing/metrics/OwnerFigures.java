package dev.switchboard.routing.metrics;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One owner's figures.
 *
 * @param ownerId the owner
 * @param teams the teams it was named in ({@code RoutingMetrics.Builder.team}), in name order
 * @param load its open conversations now
 * @param conversations conversations it has worked on (assigned or transferred to it), each counted once
 * @param utilisation its open conversations over its capacity, averaged over the time it was not offline
 */
public record OwnerFigures(String ownerId, Set<String> teams, int load, long conversations, double utilisation) {

    public OwnerFigures {
        Objects.requireNonNull(ownerId, "ownerId");
        teams = Collections.unmodifiableSortedSet(new TreeSet<>(Set.copyOf(teams)));
    }
}

package dev.switchboard.routing.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One team's figures.
 *
 * @param team the team's name
 * @param ownerIds its members
 * @param utilisation its members' open conversations over their capacity, over the time each was not offline
 */
public record TeamFigures(String team, List<String> ownerIds, double utilisation) {

    public TeamFigures {
        Objects.requireNonNull(team, "team");
        ownerIds = List.copyOf(ownerIds);
    }
}

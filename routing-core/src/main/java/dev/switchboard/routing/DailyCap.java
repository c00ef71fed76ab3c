package dev.switchboard.routing;

import java.time.ZoneId;

/**
 * A daily reception limit: at most {@code limit} new conversations for one owner per calendar day in its time zone,
 * whatever its capacity; the count starts again at local midnight. Like an {@link AssignmentCap}, every conversation
 * the owner receives counts (routed, drained, claimed, transferred), but the cap holds back only automatic assignment.
 *
 * @param limit the most new conversations per local day, positive
 * @param zone the owner's time zone, whose midnight starts a new day
 */
public record DailyCap(int limit, ZoneId zone) {

    public DailyCap {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit of daily cap must be positive, was " + limit);
        }
        Checks.notNull(zone, "zone of daily cap");
    }
}

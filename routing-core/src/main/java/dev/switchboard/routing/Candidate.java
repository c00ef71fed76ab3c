package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;

/**
 * One owner as a strategy sees it for one decision: who it is and its live state at that moment.
 *
 * @param owner the owner
 * @param rosterPosition its place on the roster; positions only grow as owners join, so a cursor kept as a
 *     position survives owners joining and leaving
 * @param presence its presence
 * @param load its open conversations across all channels
 * @param freeCapacity how many more conversations it may take on the channel of the conversation being routed
 * @param lastAssignedAt when it was last given a conversation, or {@link Instant#MIN} if never
 * @param lastReleasedAt when a conversation it owned was last released (its last conversation ended), or
 *     {@link Instant#MIN} if never
 * @param completedAt when it released its recent conversations, oldest first: as far back as the router's
 *     strategies read (see {@link Strategy#completionWindow()})
 */
public record Candidate(Owner owner, long rosterPosition, Presence presence, int load, int freeCapacity,
        Instant lastAssignedAt, Instant lastReleasedAt, List<Instant> completedAt) {

    public Candidate {
        // Built for every owner on every decision: the messages are made only when a check fails.
        if (owner == null || presence == null || lastAssignedAt == null || load < 0 || freeCapacity < 0
                || lastReleasedAt == null || completedAt == null) {
            Checks.notNull(owner, "owner");
            Checks.notNull(presence, "presence of owner '" + owner.id() + "'");
            Checks.nonNegative(load, "load of owner '" + owner.id() + "'");
            Checks.nonNegative(freeCapacity, "freeCapacity of owner '" + owner.id() + "'");
            Checks.notNull(lastAssignedAt, "lastAssignedAt of owner '" + owner.id() + "'");
            Checks.notNull(lastReleasedAt, "lastReleasedAt of owner '" + owner.id() + "'");
            Checks.notNull(completedAt, "completedAt of owner '" + owner.id() + "'");
        }
        completedAt = List.copyOf(completedAt);
    }

    /** A candidate that never finished a conversation. */
    public Candidate(Owner owner, long rosterPosition, Presence presence, int load, int freeCapacity,
            Instant lastAssignedAt) {
        this(owner, rosterPosition, presence, load, freeCapacity, lastAssignedAt, Instant.MIN, List.of());
    }

    public String id() {
        return owner.id();
    }

    /**
     * Whether this owner's presence lets it take work, whatever its capacity: {@link Presence#ONLINE}, or
     * {@link Presence#BUSY} when busy owners are included.
     */
    public boolean isAvailable(BusyPolicy busyPolicy) {
        return presence == Presence.ONLINE || (presence == Presence.BUSY && busyPolicy == BusyPolicy.INCLUDE);
    }

    /** Whether this owner can take the conversation now: it {@link #isAvailable is available} and has free capacity. */
    public boolean canTake(BusyPolicy busyPolicy) {
        return freeCapacity > 0 && isAvailable(busyPolicy);
    }

    /** Load divided by total capacity; an owner with no capacity counts as fully used. */
    public double utilisation() {
        return owner.capacity().utilisation(load);
    }

    /** How many conversations it released at or after {@code since} (of those in {@link #completedAt()}). */
    public int completedSince(Instant since) {
        Checks.notNull(since, "since");
        return Completions.countSince(completedAt, since);
    }
}

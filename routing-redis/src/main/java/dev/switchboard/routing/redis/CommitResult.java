package dev.switchboard.routing.redis;

/** What became of a decision committed with {@link RedisRoutingStore#commit}: exactly one outcome, nothing partial. */
public enum CommitResult {
    /** The conversation is the owner's now: its capacity is taken, the cursors moved and the customer remembers it. */
    COMMITTED,
    /** The owner is not on the roster (any more). */
    OWNER_GONE,
    /** The owner's presence lets it receive no work (away or offline). */
    OWNER_UNAVAILABLE,
    /** The owner has no room left: at its total capacity, or at its limit on the conversation's channel. */
    OWNER_FULL,
    /** The owner has received as many conversations as its fairness cap allows within the rolling window. */
    OWNER_AT_CAP,
    /**
     * The owner is held back from automatic assignment: wrapping up after a release, at its daily cap, or left out of
     * this conversation (it let the response deadline lapse, or was passed over for it).
     */
    OWNER_HELD_BACK,
    /** A cursor the decision read has moved since (another decision committed first). */
    CURSOR_MOVED,
    /**
     * The conversation is not where the decision found it: owned already, no longer waiting in that queue, or its id
     * joined another conversation.
     */
    ALREADY_PLACED;

    /** Whether the assignment was made. */
    public boolean committed() {
        return this == COMMITTED;
    }
}

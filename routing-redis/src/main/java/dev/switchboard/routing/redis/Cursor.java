package dev.switchboard.routing.redis;

/**
 * A strategy cursor as a decision reads it: its position, and its version, which every committed move raises by
 * one, so that a commit can tell that nobody moved it since (even back to the same position).
 *
 * @param position where the cursor stands, zero if it never moved
 * @param version how many times it was moved, zero if never
 */
public record Cursor(long position, long version) {

    /** A cursor that never moved. */
    public static final Cursor START = new Cursor(0, 0);

    public Cursor {
        if (version < 0) {
            throw new IllegalArgumentException("cursor version must not be negative, was " + version);
        }
    }
}

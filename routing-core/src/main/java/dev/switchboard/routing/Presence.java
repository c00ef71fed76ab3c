package dev.switchboard.routing;

/**
 * Whether an owner is at work. Only {@link #ONLINE} owners receive new work by default; a strategy may also
 * include {@link #BUSY} owners. {@link #AWAY} owners keep what they have but get nothing new, and
 * {@link #OFFLINE} owners never receive work (their open conversations are re-routed per the router's
 * {@link OfflinePolicy}).
 */
public enum Presence {
    ONLINE,
    BUSY,
    AWAY,
    OFFLINE;

    /** Whether an owner in this presence may be given a conversation at all (by any strategy or transfer). */
    public boolean mayReceiveWork() {
        return this == ONLINE || this == BUSY;
    }
}

package dev.switchboard.routing;

/** Whether a strategy may give work to {@link Presence#BUSY} owners; {@link Presence#OFFLINE} ones never get any. */
public enum BusyPolicy {
    /** Only {@link Presence#ONLINE} owners take part (the default). */
    EXCLUDE,
    /** {@link Presence#BUSY} owners take part too, still within their capacity. */
    INCLUDE
}

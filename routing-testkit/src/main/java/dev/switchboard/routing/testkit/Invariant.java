package dev.switchboard.routing.testkit;

/** A promise of the router that {@link SwitchboardInvariants} checks on a host's configuration. */
public enum Invariant {
    /** No owner is given a conversation that takes it over its total capacity, or over its limit on the channel. */
    CAPACITY("never over capacity",
            "no owner is given a conversation beyond its total capacity or its limit on the conversation's channel"),
    /**
     * Only online or busy owners are given work; automatic assignment also skips owners that opted out of it, are
     * outside their working hours, or reached their assignment cap.
     */
    AVAILABILITY("never an unavailable owner",
            "no offline or away owner is given work, and no owner that opted out, is outside its hours or is at its"
                    + " assignment cap is given work automatically"),
    /**
     * Every routed conversation is in exactly one place: owned by one owner, waiting in one queue, released,
     * rejected or joined to another, as the operations and events say and as the router reports.
     */
    CONSERVATION("no conversation lost or owned twice",
            "every routed conversation is owned by one owner, waiting in one queue, released, rejected or joined,"
                    + " and the router's state agrees with its events"),
    /**
     * After a tick, no conversation waits longer than the sum of its rule's steps' waits while an owner of its rule
     * who could take it (online, with room on its channel, at work and under its cap) has room.
     */
    NO_STARVATION("no starvation when capacity exists",
            "no conversation waits past the sum of its steps' waits while an eligible owner has room"),
    /**
     * Among the owners that could take every conversation a round-robin step assigned over a stretch, the step's
     * assignments differ by at most one.
     */
    ROUND_ROBIN_SPREAD("bounded spread for round-robin",
            "a round-robin step's assignments differ by at most one among owners continuously eligible"),
    /** The same operations with a listener that throws on every event give the same decisions and events. */
    LISTENER_ISOLATION("results unaffected by listener failures",
            "a listener that throws changes no decision and no event"),
    /**
     * Every call the host may make is answered rather than thrown: the router throws, for example, when a chain
     * step picks an owner who cannot take the conversation.
     */
    CALLS_ANSWERED("every legal call answered",
            "no call the host may make fails; the router throws when a chain step picks an owner who cannot take"
                    + " the conversation");

    private final String title;
    private final String meaning;

    Invariant(String title, String meaning) {
        this.title = title;
        this.meaning = meaning;
    }

    /** A short name for people, such as {@code never over capacity}. */
    public String title() {
        return title;
    }

    /** What the invariant promises, in one sentence. */
    public String meaning() {
        return meaning;
    }
}

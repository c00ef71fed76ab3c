package dev.switchboard.routing;

/** Why a strategy passed, as a small code for metrics; the verdict's sentence says it for people. */
public enum PassReason {
    /** The strategy does not apply to this conversation (for example, a first-time customer for sticky routing). */
    NOT_APPLICABLE,
    /** No owner meets the conversation's requirements (skills, language, region). */
    NO_MATCH,
    /** Owners match but none is available (offline, away, or busy when busy owners are excluded). */
    NONE_AVAILABLE,
    /** Owners match and are available but none has free capacity. */
    NO_CAPACITY,
    /** A wait the strategy allowed has run out. */
    EXPIRED,
    /**
     * Set by the router, not by strategies: the step misbehaved (it threw, returned no verdict, assigned an owner
     * who cannot take the conversation, or named a queue the plan does not declare), or the store kept refusing the
     * commit of its assignment as other routers sharing it changed what the decision read, so the router skipped it.
     */
    FAULTY_STEP
}

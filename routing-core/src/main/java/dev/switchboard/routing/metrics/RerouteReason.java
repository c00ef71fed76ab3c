package dev.switchboard.routing.metrics;

import java.util.Locale;

/** Why a conversation was taken from its owner and routed again: a small set of codes, fit for a metric's tag. */
public enum RerouteReason {
    /** The owner went offline and the router re-routes at once. */
    OWNER_OFFLINE,
    /** The owner stayed offline past the grace period. */
    OFFLINE_GRACE_EXPIRED,
    /** The owner left the roster. */
    OWNER_LEFT,
    /** The owner did not reply by the response deadline. */
    RESPONSE_DEADLINE_MISSED,
    /** A reason this version does not know. */
    OTHER;

    /**
     * {@return the code of a {@link dev.switchboard.routing.event.RoutingEvent.Rerouted Rerouted} event's reason}
     *
     * @param reason the event's reason sentence
     */
    public static RerouteReason of(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        if (text.contains("past the grace period")) {
            return OFFLINE_GRACE_EXPIRED;
        }
        if (text.contains("went offline")) {
            return OWNER_OFFLINE;
        }
        if (text.contains("left the roster")) {
            return OWNER_LEFT;
        }
        if (text.contains("response deadline")) {
            return RESPONSE_DEADLINE_MISSED;
        }
        return OTHER;
    }
}

package dev.switchboard.routing.redis;

import java.time.Instant;

/**
 * A timer handed to one caller by {@link RedisRoutingStore#claimDue}.
 *
 * @param kind what it is for
 * @param subject the conversation or owner it concerns
 * @param due when it was due (to the millisecond)
 */
public record DueTimer(TimerKind kind, String subject, Instant due) {

    public DueTimer {
        Keys.notNull(kind, "kind");
        Keys.id(subject, "subject");
        Keys.notNull(due, "due");
    }
}

package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a waiting conversation sits in its queue's sorted set, in the order of routing-core's {@code ServeOrder}:
 * the score carries what the order compares first, and members with equal scores, which Redis orders byte by byte,
 * carry the tie-breaks (when it entered the queue, then its id). Times count in milliseconds.
 *
 * <p>Without aging the score is {@code band * 2^44 + createdAt}, where the band is 0 for an urgent VIP up to 7 for
 * a low-priority non-VIP, and createdAt is in epoch milliseconds (below 2^44 until the year 2527); every score stays
 * below 2^47, where doubles are exact. With an
 * aging step the score is the conversation's virtual arrival: createdAt less half an aging step per half level. When
 * served by last activity, the customer's last activity counts instead of createdAt.
 */
record ServeScore(Duration agingStep, boolean byLastActivity) {

    private static final long BAND = 1L << 44;

    ServeScore {
        Keys.notNull(agingStep, "agingStep");
        if (agingStep.isNegative()) {
            throw new IllegalArgumentException("agingStep must not be negative, was " + agingStep);
        }
    }

    long score(Conversation conversation) {
        Instant arrival = byLastActivity ? conversation.lastActivityAt() : conversation.createdAt();
        long created = arrival.toEpochMilli();
        long halfLevels = 2L * conversation.priority().ordinal() + (conversation.vip() ? 1 : 0);
        if (!agingStep.isZero()) {
            return created - agingStep.toMillis() * halfLevels / 2;
        }
        if (created < 0 || created >= BAND) {
            throw new IllegalArgumentException((byLastActivity ? "lastActivityAt" : "createdAt") + " of conversation '"
                    + conversation.id() + "' must be between 1970 and 2527 to wait in Redis without aging, was "
                    + arrival);
        }
        return (7 - halfLevels) * BAND + created;
    }

    /**
     * The member: the time it entered the queue as 20 digits (signed milliseconds, shifted so that byte order is
     * numeric order), a colon, and its id; the scripts read the id from the 22nd character on.
     */
    static String member(WaitingConversation entry) {
        long enqueued = entry.enqueuedAt().toEpochMilli();
        String digits = Long.toUnsignedString(enqueued ^ Long.MIN_VALUE);
        return "0".repeat(20 - digits.length()) + digits + ":" + entry.conversation().id();
    }
}

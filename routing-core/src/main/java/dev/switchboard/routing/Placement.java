package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;

/**
 * Where an open conversation is: owned by exactly one owner, waiting in exactly one queue, or offered to one or more
 * owners and reserved for each of them until one accepts.
 */
public sealed interface Placement {

    /** The conversation that is placed. */
    Conversation conversation();

    /** The conversation is owned. */
    record Owned(Conversation conversation, String ownerId) implements Placement {
        public Owned {
            Checks.notNull(conversation, "conversation");
            Checks.id(ownerId, "ownerId");
        }
    }

    /** The conversation waits. */
    record Waiting(WaitingConversation entry) implements Placement {
        public Waiting {
            Checks.notNull(entry, "entry");
        }

        @Override
        public Conversation conversation() {
            return entry.conversation();
        }
    }

    /**
     * The conversation is offered and not yet accepted (see {@link OfferPolicy}): it counts against the capacity of
     * every owner it is offered to, and is listed among their conversations, until one accepts, or the offers are
     * declined or expire.
     *
     * @param ownerIds the owners whose offer still stands, in the order they were chosen
     * @param offeredAt when the offer was made
     * @param expiresAt when the offers that still stand expire
     */
    record Offered(Conversation conversation, List<String> ownerIds, Instant offeredAt, Instant expiresAt)
            implements Placement {
        public Offered {
            Checks.notNull(conversation, "conversation");
            ownerIds = Checks.list(ownerIds, "ownerIds");
            if (ownerIds.isEmpty()) {
                throw new IllegalArgumentException("ownerIds of an offer must not be empty");
            }
            Checks.notNull(offeredAt, "offeredAt");
            Checks.notNull(expiresAt, "expiresAt");
        }
    }
}

package dev.switchboard.routing;

import java.time.Instant;
import java.util.List;

/**
 * The router's answer for one conversation: assigned to an owner, offered to owners who may accept it, queued with an
 * SLA deadline, rejected, or joined to the open conversation of the same customer. Each carries the {@link Trace} of
 * the steps that led to it.
 */
public sealed interface Decision {

    String conversationId();

    Trace trace();

    /** The conversation has an owner. {@code strategy} is the step that chose it. */
    record Assigned(String conversationId, String ownerId, String strategy, Trace trace) implements Decision {
        public Assigned {
            Checks.id(conversationId, "conversationId");
            Checks.id(ownerId, "ownerId");
            Checks.id(strategy, "strategy");
            Checks.notNull(trace, "trace");
        }
    }

    /**
     * The conversation is offered to these owners and reserved for them (see {@link OfferPolicy}) until one accepts,
     * or the offers are declined or expire at {@code expiresAt}. {@code strategy} is the step that chose the first.
     */
    record Offered(String conversationId, List<String> ownerIds, String strategy, Instant expiresAt, Trace trace)
            implements Decision {
        public Offered {
            Checks.id(conversationId, "conversationId");
            ownerIds = Checks.list(ownerIds, "ownerIds");
            Checks.id(strategy, "strategy");
            Checks.notNull(expiresAt, "expiresAt");
            Checks.notNull(trace, "trace");
        }
    }

    /** The conversation waits in a queue until an owner can take it or someone claims it. */
    record Queued(String conversationId, String queue, String reason, Instant slaDeadline, Trace trace)
            implements Decision {
        public Queued {
            Checks.id(conversationId, "conversationId");
            Checks.id(queue, "queue");
            Checks.notNull(reason, "reason");
            Checks.notNull(slaDeadline, "slaDeadline");
            Checks.notNull(trace, "trace");
        }
    }

    /** The conversation was not taken in; the router keeps nothing of it and the caller must act. */
    record Rejected(String conversationId, String reason, Trace trace) implements Decision {
        public Rejected {
            Checks.id(conversationId, "conversationId");
            Checks.notNull(reason, "reason");
            Checks.notNull(trace, "trace");
        }
    }

    /**
     * The customer already had an open conversation (on this channel or another), and the router keeps one
     * conversation per customer, so no second routing decision was made: this conversation joined that one and its
     * id became another name for it. Releasing, transferring or
     * claiming either id acts on the one conversation. The host adds the message to the joined conversation's thread.
     *
     * @param conversationId the id of the conversation that joined
     * @param joinedConversationId the open conversation it joined
     * @param placement where the joined conversation is: with its owner, or waiting in a queue
     */
    record Joined(String conversationId, String joinedConversationId, Placement placement, Trace trace)
            implements Decision {
        public Joined {
            Checks.id(conversationId, "conversationId");
            Checks.id(joinedConversationId, "joinedConversationId");
            Checks.notNull(placement, "placement");
            Checks.notNull(trace, "trace");
        }
    }
}

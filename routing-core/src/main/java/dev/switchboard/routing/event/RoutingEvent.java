package dev.switchboard.routing.event;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the router did or saw, so that the host app can notify people (CRM update, Slack alert, task) and
 * keep its own records. Events are delivered in the order the router's state changed, each with its sequence number
 * (see {@link RoutingListener#onEvent(RoutingEvent, long)}); their instants never go backwards, even when the
 * router's clock does.
 */
public sealed interface RoutingEvent {

    /** When it happened, by the router's clock. */
    Instant at();

    /** A conversation was given to an owner by a chain step, a drain of the queue, a claim, or an accepted offer. */
    record Assigned(Instant at, Conversation conversation, String ownerId, String strategy, Trace trace)
            implements RoutingEvent {
        public Assigned {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /**
     * A conversation entered a queue; the trace says why (the plan's steps, or {@code response-review} when missed
     * response deadlines sent it to review).
     */
    record Queued(Instant at, Conversation conversation, String queue, String reason, Instant slaDeadline, Trace trace)
            implements RoutingEvent {
        public Queued {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(slaDeadline, "slaDeadline");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /** A chain step refused a conversation; the router keeps nothing of it. */
    record Rejected(Instant at, Conversation conversation, String reason, Trace trace) implements RoutingEvent {
        public Rejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /**
     * A conversation was offered to an owner and reserved for it (see {@code OfferPolicy}); one event per owner rung.
     * The owner accepts or declines it through the router, or the offer expires at {@code expiresAt}.
     */
    record Offered(Instant at, Conversation conversation, String ownerId, String strategy, Instant expiresAt,
            Trace trace) implements RoutingEvent {
        public Offered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(trace, "trace");
        }
    }

    /** An owner declined an offer, with its reason; when no offer of the conversation stands, it is decided again. */
    record OfferDeclined(Instant at, Conversation conversation, String ownerId, String reason)
            implements RoutingEvent {
        public OfferDeclined {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An owner let an offer stand past its expiry; the conversation is decided again without that owner. */
    record OfferExpired(Instant at, Conversation conversation, String ownerId, Instant expiresAt)
            implements RoutingEvent {
        public OfferExpired {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * An offer to an owner was taken back without its answer: another owner accepted first, the owner went offline or
     * left, or the conversation was released; {@code reason} says which.
     */
    record OfferWithdrawn(Instant at, Conversation conversation, String ownerId, String reason)
            implements RoutingEvent {
        public OfferWithdrawn {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An owner handed a conversation to another, with a note. */
    record Transferred(Instant at, Conversation conversation, String fromOwnerId, String toOwnerId, Handoff handoff)
            implements RoutingEvent {
        public Transferred {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(fromOwnerId, "fromOwnerId");
            Objects.requireNonNull(toOwnerId, "toOwnerId");
            Objects.requireNonNull(handoff, "handoff");
        }
    }

    /**
     * A conversation was taken from its owner (who went offline, left, or did not reply in time) and sent through the
     * chain again; an {@link Assigned} or {@link Queued} event follows.
     */
    record Rerouted(Instant at, Conversation conversation, String fromOwnerId, String reason) implements RoutingEvent {
        public Rerouted {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(fromOwnerId, "fromOwnerId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An overflow policy of the rule a waiting conversation was routed by ({@code fromRule}), or of the queue it waited
     * in ({@code fromQueue}), moved it on (see {@code dev.switchboard.routing.Overflow}): {@code conversation} is as it
     * is now (moved, with a raised priority, reclassified, or held for review), {@code to} the rule that routes it
     * now, the queue it was moved to, or the review queue, and {@code reason} says so and which policy acted, such as
     * {@code overflowed from billing to front-line after 2m} for a rule's policy, or
     * {@code overflowed from queue billing to queue front-line after 2m} for a queue's. An {@link Assigned},
     * {@link Offered} or {@link Queued} event follows, except when only its priority was raised.
     */
    record Overflowed(Instant at, Conversation conversation, String fromRule, String fromQueue, String to,
            String reason) implements RoutingEvent {
        public Overflowed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(fromRule, "fromRule");
            Objects.requireNonNull(fromQueue, "fromQueue");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }

        /** An overflow whose queue is not known ({@code fromQueue} empty), as in a routing log written before it was. */
        public Overflowed(Instant at, Conversation conversation, String fromRule, String to, String reason) {
            this(at, conversation, fromRule, "", to, reason);
        }
    }

    /**
     * A conversation joined another open conversation of the same customer and is now another name for it: a new
     * conversation from a customer who already had one open, or an open one merged into another when identities
     * were linked. {@code from} is the owner or queue it left, or empty when it was new.
     */
    record Joined(Instant at, Conversation conversation, String joinedConversationId, String from)
            implements RoutingEvent {
        public Joined {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(joinedConversationId, "joinedConversationId");
            Objects.requireNonNull(from, "from");
        }
    }

    /** A conversation was resolved (or withdrawn) and left the router; {@code from} is its owner or queue. */
    record Released(Instant at, Conversation conversation, String from) implements RoutingEvent {
        public Released {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(from, "from");
        }
    }

    /**
     * An owner did not reply to a conversation by its response deadline, and the conversation was taken back: a
     * {@link Rerouted} event follows, or, once it has been routed again as often as allowed, a {@link Queued} event for
     * the review queue.
     *
     * @param missed how many response deadlines of the conversation have lapsed, this one included
     */
    record ResponseDeadlineMissed(Instant at, Conversation conversation, String ownerId, Instant deadline, int missed)
            implements RoutingEvent {
        public ResponseDeadlineMissed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /** A conversation has waited in a queue past its SLA deadline. Fires once per stay in a queue. */
    record SlaBreached(Instant at, Conversation conversation, String queue, Instant slaDeadline)
            implements RoutingEvent {
        public SlaBreached {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(slaDeadline, "slaDeadline");
        }
    }

    /** An owner's presence changed. */
    record PresenceChanged(Instant at, String ownerId, Presence from, Presence to) implements RoutingEvent {
        public PresenceChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** An owner's capacity changed. */
    record CapacityChanged(Instant at, String ownerId, Capacity from, Capacity to) implements RoutingEvent {
        public CapacityChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** An owner joined the roster (with the presence it starts in). */
    record OwnerJoined(Instant at, Owner owner, Presence presence) implements RoutingEvent {
        public OwnerJoined {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /** An owner left the roster; {@link Rerouted} events for its open conversations precede this one. */
    record OwnerLeft(Instant at, String ownerId) implements RoutingEvent {
        public OwnerLeft {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(ownerId, "ownerId");
        }
    }

    /**
     * A call the router received, delivered only to recorders ({@code Router.Builder.recorder}) and before the events
     * it caused; the call may still have been refused (the router threw), as a replay of it will be.
     */
    record Input(Instant at, RouterInput input) implements RoutingEvent {
        public Input {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(input, "input");
        }
    }
}

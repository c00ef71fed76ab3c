package dev.switchboard.routing;

import java.time.Instant;

/**
 * The router's answer for one conversation: assigned to an owner, queued with an SLA deadline, or rejected.
 * Each carries the {@link Trace} of the chain steps that led to it.
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
}

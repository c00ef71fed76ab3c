package dev.switchboard.routing;

import java.util.Map;

/**
 * What one strategy says about one conversation. Exactly one of: assign it to an owner, send it to a named
 * queue, hold it where it waits so that this step can try again later, reject it, or pass to the next step.
 * Each carries a sentence for people; a pass also carries a {@link PassReason} code for metrics.
 */
public sealed interface Verdict {

    /** The sentence that explains this verdict to a support lead. */
    String reason();

    /**
     * Give the conversation to an owner.
     *
     * @param ownerId the chosen owner, which must be able to take the conversation now
     * @param reason why this owner
     * @param cursors strategy cursors the router stores if (and only if) this assignment is made, by key
     */
    record Assign(String ownerId, String reason, Map<String, Long> cursors) implements Verdict {
        public Assign {
            Checks.id(ownerId, "ownerId");
            Checks.notNull(reason, "reason");
            cursors = Checks.byKey(Checks.notNull(cursors, "cursors"));
        }
    }

    /** Send the conversation to a named queue (for example manual review), where it waits with that queue's SLA. */
    record Enqueue(String queue, String reason) implements Verdict {
        public Enqueue {
            Checks.id(queue, "queue");
            Checks.notNull(reason, "reason");
        }
    }

    /**
     * Keep the conversation waiting where it is (or in the fallback queue), so that this step decides again later:
     * when capacity frees, and on the router's {@code tick()}; a wait that depends on time ends at the first tick
     * after it. A hold reserves nothing: capacity that frees meanwhile goes to waiting conversations in serve order.
     */
    record Hold(String reason) implements Verdict {
        public Hold {
            Checks.notNull(reason, "reason");
        }
    }

    /** Refuse the conversation: the router hands it back to the caller, with this reason, and keeps nothing. */
    record Reject(String reason) implements Verdict {
        public Reject {
            Checks.notNull(reason, "reason");
        }
    }

    /** Let the next step of the chain try. */
    record Pass(PassReason code, String reason) implements Verdict {
        public Pass {
            Checks.notNull(code, "code");
            Checks.notNull(reason, "reason");
        }
    }

    static Assign assign(Candidate candidate, String reason) {
        return new Assign(candidate.id(), reason, Map.of());
    }

    static Assign assign(Candidate candidate, String reason, String cursorKey, long cursorPosition) {
        return new Assign(candidate.id(), reason, Map.of(cursorKey, cursorPosition));
    }

    static Pass pass(PassReason code, String reason) {
        return new Pass(code, reason);
    }

    static Enqueue enqueue(String queue, String reason) {
        return new Enqueue(queue, reason);
    }

    static Hold hold(String reason) {
        return new Hold(reason);
    }

    static Reject reject(String reason) {
        return new Reject(reason);
    }
}

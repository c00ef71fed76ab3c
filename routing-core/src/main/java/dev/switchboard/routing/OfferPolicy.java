package dev.switchboard.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link Rule} offers a conversation instead of assigning it (TaskRouter reservations, Omni-Channel push
 * timeouts, Asterisk {@code ringall}): the owner its chain chooses, and when it rings several the next best the chain
 * chooses without those already rung, receive an offer and the conversation is reserved for each of them (it counts
 * against every rung owner's capacity, so that nobody is ever over capacity whoever accepts) until one accepts
 * ({@code Router.accept}), all decline ({@code Router.decline}), or the offer expires on a {@code Router.tick} after
 * {@code timeout}. The first accept wins; the others' offers are withdrawn. A decline or an expiry decides again
 * without that owner, and once {@code reviewAfter} declines and expiries have added up, the conversation goes to
 * {@code reviewQueue} instead, where it waits to be claimed and is not offered automatically again.
 *
 * <pre>{@code
 * OfferPolicy offer = OfferPolicy.builder(Duration.ofSeconds(30)).ring(3).reviewAfter(4, "manual-review").build();
 * }</pre>
 *
 * @param timeout how long an offer stands, positive and at most {@link Bounds#MAX_DURATION}
 * @param ring how many owners are offered the conversation at once, at least 1; {@link #RING_ALL} for every owner
 *     of the rule who can take it
 * @param reviewAfter how many declines and expiries send the conversation to review; 0 never does
 * @param reviewQueue where it then waits, a queue the plan declares; empty when {@code reviewAfter} is 0
 */
public record OfferPolicy(Duration timeout, int ring, int reviewAfter, Optional<String> reviewQueue) {

    /** {@link #ring} for offering the conversation to every owner of the rule who can take it. */
    public static final int RING_ALL = Integer.MAX_VALUE;

    public OfferPolicy {
        Checks.positive(timeout, "offer timeout");
        if (ring < 1) {
            throw new IllegalArgumentException("offer ring must be at least 1, was " + ring);
        }
        Checks.nonNegative(reviewAfter, "offer reviewAfter");
        Checks.notNull(reviewQueue, "offer reviewQueue");
        reviewQueue.ifPresent(queue -> Checks.id(queue, "offer reviewQueue"));
        if ((reviewAfter == 0) != reviewQueue.isEmpty()) {
            throw new IllegalArgumentException("offer reviewAfter and reviewQueue go together, were " + reviewAfter
                    + " and " + reviewQueue);
        }
    }

    /** A builder: one owner at a time, never sent to review, until set. */
    public static Builder builder(Duration timeout) {
        return new Builder(Checks.positive(timeout, "offer timeout"));
    }

    /** Whether an offer of a conversation declined or let expire this many times goes to review. */
    boolean sendsToReview(int refusals) {
        return reviewAfter > 0 && refusals >= reviewAfter;
    }

    /** Builds an {@link OfferPolicy}; each option is checked when set, and {@link #build()} leaves it reusable. */
    public static final class Builder {
        private final Duration timeout;
        private int ring = 1;
        private int reviewAfter;
        private Optional<String> reviewQueue = Optional.empty();

        private Builder(Duration timeout) {
            this.timeout = timeout;
        }

        /** Offers the conversation to this many owners at once, in the order the rule's chain chooses them. */
        public Builder ring(int owners) {
            if (owners < 1) {
                throw new IllegalArgumentException("offer ring must be at least 1, was " + owners);
            }
            ring = owners;
            return this;
        }

        /** Offers the conversation to every owner of the rule who can take it, at once. */
        public Builder ringAll() {
            ring = RING_ALL;
            return this;
        }

        /** After this many declines and expiries (at least 1), the conversation waits in {@code queue} for review. */
        public Builder reviewAfter(int refusals, String queue) {
            if (refusals < 1) {
                throw new IllegalArgumentException("offer reviewAfter must be at least 1, was " + refusals);
            }
            reviewQueue = Optional.of(Checks.id(queue, "offer reviewQueue"));
            reviewAfter = refusals;
            return this;
        }

        public OfferPolicy build() {
            return new OfferPolicy(timeout, ring, reviewAfter, reviewQueue);
        }
    }
}

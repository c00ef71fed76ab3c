package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a strategy may read while it decides one conversation: the candidates (the owners of the rule it runs for)
 * and the memory the router keeps for strategies, frozen for the duration of the decision. A view is valid only
 * during the {@link Strategy#decide} call it was passed to; it must not be kept.
 *
 * <p>Strategies that look for owners who can take the conversation ask {@link #eligible}, which the router answers
 * from its indexes; {@link #candidates()} lists everyone, which costs a {@link Candidate} per owner on the roster,
 * and is for explaining why nobody could take it.
 */
public interface RoutingView {

    /** The time of this decision, from the router's clock. */
    Instant now();

    /**
     * Every owner the step may choose from, in roster order, including those that cannot take work now: the whole
     * roster, or the owners of the rule the step runs for, less those that do not meet what the rule requires (see
     * {@link Rule.Requirement}). Owners the router holds back from automatic assignment (those that opted out of it,
     * are outside their working hours, wrapping up after a release, or at their {@link AssignmentCap} or
     * {@link DailyCap}), and those that let this conversation's response deadline lapse, are not candidates.
     */
    List<Candidate> candidates();

    /**
     * The candidates that meet {@code requirements} and can take this conversation now under {@code busyPolicy}
     * (available, with free capacity on its channel), in roster order. The router answers through its indexes, so
     * the cost follows the owners that qualify rather than the roster; by default, every candidate is looked at
     * ({@link Eligible#scan}).
     */
    default Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
        return Eligible.scan(candidates(), requirements, busyPolicy);
    }

    /**
     * The candidates that meet {@code requirements}, whatever their presence and room, in roster order: with
     * {@link #eligible}, what explains why nobody could take a conversation. The router answers through its indexes,
     * building a {@link Candidate} only for those that match; by default, every candidate is looked at.
     */
    default List<Candidate> matching(Requirements requirements) {
        Checks.notNull(requirements, "requirements");
        List<Candidate> matches = new ArrayList<>();
        for (Candidate candidate : candidates()) {
            if (requirements.metBy(candidate.owner())) {
                matches.add(candidate);
            }
        }
        return List.copyOf(matches);
    }

    /**
     * How many candidates meet {@code requirements}, and how many of those are available under {@code busyPolicy},
     * whatever their room: what explains why nobody could take a conversation (nobody matches, nobody available, or
     * everyone available at capacity), counted without building a {@link Candidate} for each. The router counts
     * through its indexes; by default, over {@link #matching}.
     */
    default Matched matched(Requirements requirements, BusyPolicy busyPolicy) {
        Checks.notNull(busyPolicy, "busyPolicy");
        return Matched.of(matching(requirements), busyPolicy);
    }

    /**
     * The count {@link #matched} answers.
     *
     * @param owners how many candidates meet the requirements
     * @param available how many of them are available (whatever their room)
     */
    record Matched(int owners, int available) {
        public Matched {
            if (owners < 0 || available < 0 || available > owners) {
                throw new IllegalArgumentException("available must be from 0 to owners, and owners not negative, were "
                        + available + " and " + owners);
            }
        }

        /** The count of some candidates: all of them, and those available under {@code busyPolicy}. */
        public static Matched of(List<Candidate> candidates, BusyPolicy busyPolicy) {
            Checks.notNull(candidates, "candidates");
            Checks.notNull(busyPolicy, "busyPolicy");
            int available = 0;
            for (Candidate candidate : candidates) {
                if (candidate.isAvailable(busyPolicy)) {
                    available++;
                }
            }
            return new Matched(candidates.size(), available);
        }
    }

    /** One owner, if it is among the {@link #candidates()}. */
    Optional<Candidate> candidate(String ownerId);

    /**
     * The owner who last served a customer, if remembered (bounded and expiring memory); linked identities of a
     * customer share one memory.
     */
    Optional<String> previousOwner(String customerId);

    /**
     * The customer's primary owner, if remembered: the first owner to serve it, until another owner served it
     * twice in a row; so one conversation that fell through to someone else does not move the customer for good. By
     * default, the {@link #previousOwner previous owner}.
     */
    default Optional<String> primaryOwner(String customerId) {
        return previousOwner(customerId);
    }

    /** A strategy's cursor (see {@link Verdict.Assign#cursors()}), or zero if it never moved. */
    long cursor(String key);
}

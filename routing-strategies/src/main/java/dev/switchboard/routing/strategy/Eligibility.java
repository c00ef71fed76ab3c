package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Verdict;
import java.util.List;

/** Explains, for people, why none of a set of candidates could take a conversation. */
final class Eligibility {
    private Eligibility() {}

    /** A pass saying why none of the rule's owners can take the conversation (see {@link #noneCanTake}). */
    static Verdict.Pass noOwnerCanTake(RoutingView view, BusyPolicy busyPolicy) {
        return noneCanTake(view.matched(Requirements.NONE, busyPolicy), busyPolicy, "owners");
    }

    /**
     * A pass saying why none of the considered owners can take the conversation: there are none, none is available
     * (presence), or none has free capacity.
     *
     * @param who how the considered owners are described, such as "owners" or "owners with skill billing"
     */
    static Verdict.Pass noneCanTake(RoutingView.Matched considered, BusyPolicy busyPolicy, String who) {
        if (considered.owners() == 0) {
            return Verdict.pass(PassReason.NO_MATCH, "there are no " + who);
        }
        if (considered.available() == 0) {
            return Verdict.pass(PassReason.NONE_AVAILABLE, "none of the " + considered.owners() + " " + who + " is "
                    + (busyPolicy == BusyPolicy.INCLUDE ? "online or busy" : "online"));
        }
        return Verdict.pass(PassReason.NO_CAPACITY, "every available one of the " + considered.owners() + " " + who
                + " is at capacity");
    }

    /** {@link #noneCanTake}, for owners given as candidates. */
    static Verdict.Pass noneCanTake(List<Candidate> considered, BusyPolicy busyPolicy, String who) {
        return noneCanTake(RoutingView.Matched.of(considered, busyPolicy), busyPolicy, who);
    }
}

package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a conversation to the owners it names as preferred ({@link Conversation#preferredOwners()}, best first), as
 * TaskRouter's preferred targets do: the first of them that can take it now gets it. When none can but one of them is
 * at work (online or busy), the conversation is held, and decided again as capacity frees and on each tick, until it
 * has waited (since it was created) as long as the step's wait; then the step passes as {@link PassReason#EXPIRED}
 * and the chain falls through to the next step. Preferred owners that are away, offline, or not among the rule's
 * owners are never waited for.
 */
public final class PreferredOwners implements Strategy {

    private final String name;
    private final BusyPolicy busyPolicy;
    private final Duration wait;

    /** Preferred owners among online ones, without waiting, named {@code preferred}. */
    public PreferredOwners() {
        this("preferred", BusyPolicy.EXCLUDE, Duration.ZERO);
    }

    /**
     * @param name the step's name in traces (unique within a router)
     * @param busyPolicy whether a busy preferred owner may be given the conversation
     * @param wait how long a conversation, counted from its creation, may be held for preferred owners who are at
     *     work but cannot take it now, at most {@link Bounds#MAX_DURATION}; zero never holds
     */
    public PreferredOwners(String name, BusyPolicy busyPolicy, Duration wait) {
        this.name = Names.check(name);
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
        this.wait = Bounds.duration(wait, "wait");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        List<String> preferred = conversation.preferredOwners();
        if (preferred.isEmpty()) {
            return Verdict.pass(PassReason.NOT_APPLICABLE, "conversation " + conversation.id()
                    + " names no preferred owners");
        }
        List<String> atWork = new ArrayList<>();
        for (int i = 0; i < preferred.size(); i++) {
            Optional<Candidate> candidate = view.candidate(preferred.get(i));
            if (candidate.isEmpty()) {
                continue;
            }
            if (candidate.get().canTake(busyPolicy)) {
                return new Verdict.Assign(candidate.get().id(), "preferred owner " + (i + 1) + " of "
                        + describe(preferred) + (i == 0 ? "" : "; those before it cannot take it"), Map.of());
            }
            if (candidate.get().presence().mayReceiveWork()) {
                atWork.add(candidate.get().id());
            }
        }
        if (atWork.isEmpty()) {
            return Verdict.pass(PassReason.NONE_AVAILABLE, "none of the preferred owners " + describe(preferred)
                    + " is at work among the rule's owners");
        }
        if (wait.isZero()) {
            return Verdict.pass(PassReason.NO_CAPACITY, "preferred owners " + describe(atWork)
                    + " are at work but cannot take it now");
        }
        Instant deadline = conversation.createdAt().plus(wait);
        if (view.now().isBefore(deadline)) {
            return Verdict.hold("holding for preferred owners " + describe(atWork) + ", who cannot take it now, until "
                    + Durations.clockTime(deadline));
        }
        return Verdict.pass(PassReason.EXPIRED, "waited " + Durations.describe(wait) + " for preferred owners "
                + describe(atWork) + ", who still cannot take it");
    }

    private static String describe(List<String> owners) {
        return "[" + String.join(", ", owners) + "]";
    }
}

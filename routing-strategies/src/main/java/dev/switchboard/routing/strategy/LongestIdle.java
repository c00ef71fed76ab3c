package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Eligible;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Instant;
import java.util.Map;

/**
 * Gives the conversation to the owner that has been idle longest since its last conversation ended: of the owners
 * that can take it now, those holding no open conversation come first, and among them the one whose last release is
 * oldest (an owner that never finished one first of all). This is Twilio TaskRouter's default worker order,
 * FreeSWITCH's {@code longest-idle-agent} and Asterisk's {@code leastrecent}. Owners that hold conversations (with a
 * capacity above one) follow, fewest open conversations first. What is still tied goes to the oldest last
 * assignment, then to the roster order. It keeps no cursor: the live releases are its memory.
 */
public final class LongestIdle implements Strategy {

    private final String name;
    private final BusyPolicy busyPolicy;

    /** Longest idle among online owners, named {@code longest-idle}. */
    public LongestIdle() {
        this("longest-idle", BusyPolicy.EXCLUDE);
    }

    /**
     * @param name the step's name in traces (unique within a router)
     * @param busyPolicy whether busy owners take part
     */
    public LongestIdle(String name, BusyPolicy busyPolicy) {
        this.name = Names.check(name);
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Eligible eligible = view.eligible(Requirements.NONE, busyPolicy);
        int count = 0;
        Owner chosen = null;
        int chosenLoad = 0;
        Instant chosenReleased = null;
        Instant chosenAssigned = null;
        while (eligible.next()) {
            count++;
            int load = eligible.load();
            Instant released = eligible.lastReleasedAt();
            Instant assigned = eligible.lastAssignedAt();
            if (chosen == null || IdleOrder.idler(load, released, chosenLoad, chosenReleased)
                    || (load == chosenLoad && released.equals(chosenReleased) && assigned.isBefore(chosenAssigned))) {
                chosen = eligible.owner();
                chosenLoad = load;
                chosenReleased = released;
                chosenAssigned = assigned;
            }
        }
        if (chosen == null) {
            return Eligibility.noOwnerCanTake(view, busyPolicy);
        }
        String state = chosenLoad > 0 ? "it holds the fewest open conversations (" + chosenLoad + ")"
                : chosenReleased.equals(Instant.MIN) ? "it holds none and never finished one"
                : "it holds none and its last one ended at " + Durations.clockTime(chosenReleased);
        String among = count == 1 ? "the only owner who can take it"
                : chosenLoad > 0 ? "none of the " + count + " owners who can take it is idle"
                : "idle longest of the " + count + " owners who can take it";
        return new Verdict.Assign(chosen.id(), among + "; " + state, Map.of());
    }
}

package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Eligible;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.util.Map;

/**
 * Fair rotation over the owners that can take work now, in roster order. Owners that cannot (away, offline, full)
 * are skipped without losing the rotation's place, and the place survives owners joining and leaving: the cursor
 * is the roster position after the last owner chosen.
 */
public final class RoundRobin implements Strategy {

    private final String name;
    private final BusyPolicy busyPolicy;

    /** Round-robin over online owners, named {@code round-robin}. */
    public RoundRobin() {
        this("round-robin", BusyPolicy.EXCLUDE);
    }

    /**
     * @param name the step's name in traces, also the key of its cursor (unique within a router)
     * @param busyPolicy whether busy owners take part
     */
    public RoundRobin(String name, BusyPolicy busyPolicy) {
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
        if (!eligible.advanceTo(view.cursor(name))) {
            eligible = view.eligible(Requirements.NONE, busyPolicy);
            if (!eligible.next()) {
                return Eligibility.noOwnerCanTake(view, busyPolicy);
            }
        }
        return new Verdict.Assign(eligible.owner().id(), "next in rotation among available owners",
                Map.of(name, eligible.rosterPosition() + 1));
    }
}

package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.util.List;

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
        List<Candidate> candidates = view.candidates();
        long next = view.cursor(name);
        int start = firstAtOrAfter(candidates, next);
        int size = candidates.size();
        for (int i = 0; i < size; i++) {
            Candidate candidate = candidates.get((start + i) % size);
            if (candidate.canTake(busyPolicy)) {
                return Verdict.assign(candidate, "next in rotation among available owners", name,
                        candidate.rosterPosition() + 1);
            }
        }
        return Eligibility.noneCanTake(candidates, busyPolicy, "owners");
    }

    /** Index of the first candidate whose roster position is at least {@code position} (candidates are sorted). */
    private static int firstAtOrAfter(List<Candidate> candidates, long position) {
        int low = 0;
        int high = candidates.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (candidates.get(mid).rosterPosition() < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == candidates.size() ? 0 : low;
    }
}

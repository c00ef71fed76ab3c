package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Gives the conversation to the owner with the least work right now: the fewest open conversations, or the lowest
 * utilisation, as configured by its {@link Measure}. Ties go to the owner that has waited longest since its last
 * assignment (an owner never assigned waits longest of all), then to the one earlier on the roster. Only owners
 * that can take the conversation now take part. It keeps no cursor: the live loads are its memory.
 */
public final class LeastLoaded implements Strategy {

    /** What "least loaded" compares. */
    public enum Measure {
        /** Open conversations across all channels ({@link Candidate#load()}), so counts even out. */
        OPEN_CONVERSATIONS(Comparator.comparingInt(Candidate::load),
                c -> "the fewest open conversations (" + c.load() + ")"),
        /**
         * Open conversations as a share of total capacity ({@link Candidate#utilisation()}), so owners with more
         * capacity take proportionally more.
         */
        UTILISATION(Comparator.comparingDouble(Candidate::utilisation),
                c -> "the lowest utilisation (" + c.load() + " open of capacity " + c.owner().capacity().total() + ")");

        private final Comparator<Candidate> order;
        private final Function<Candidate, String> lowest;

        Measure(Comparator<Candidate> order, Function<Candidate, String> lowest) {
            this.order = order;
            this.lowest = lowest;
        }
    }

    private final String name;
    private final Measure measure;
    private final BusyPolicy busyPolicy;
    private final Comparator<Candidate> order;

    /** Fewest open conversations among online owners, named {@code least-loaded}. */
    public LeastLoaded() {
        this("least-loaded", Measure.OPEN_CONVERSATIONS, BusyPolicy.EXCLUDE);
    }

    /**
     * Least loaded by the given measure.
     *
     * @param name the step's name in traces (unique within a router)
     * @param measure what is compared: open conversations or utilisation
     * @param busyPolicy whether busy owners take part
     */
    public LeastLoaded(String name, Measure measure, BusyPolicy busyPolicy) {
        this.name = Names.check(name);
        this.measure = Args.notNull(measure, "measure");
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
        this.order = measure.order.thenComparing(Candidate::lastAssignedAt)
                .thenComparingLong(Candidate::rosterPosition);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        List<Candidate> eligible = new ArrayList<>();
        for (Candidate candidate : view.candidates()) {
            if (candidate.canTake(busyPolicy)) {
                eligible.add(candidate);
            }
        }
        if (eligible.isEmpty()) {
            return Eligibility.noneCanTake(view.candidates(), busyPolicy, "owners");
        }
        Candidate chosen = Collections.min(eligible, order);
        return Verdict.assign(chosen, reason(chosen, eligible));
    }

    /** Says what made the chosen owner win, including the tie-break when one was needed. */
    private String reason(Candidate chosen, List<Candidate> eligible) {
        if (eligible.size() == 1) {
            return "the only owner who can take it";
        }
        int tied = 0;
        int tiedAndIdleAsLong = 0;
        for (Candidate candidate : eligible) {
            if (measure.order.compare(candidate, chosen) == 0) {
                tied++;
                if (candidate.lastAssignedAt().equals(chosen.lastAssignedAt())) {
                    tiedAndIdleAsLong++;
                }
            }
        }
        String lowest = "has " + measure.lowest.apply(chosen) + " of the " + eligible.size()
                + " owners who can take it";
        if (tied == 1) {
            return lowest;
        }
        if (tiedAndIdleAsLong == 1) {
            return lowest + "; of the " + tied + " tied, it has waited longest since its last assignment";
        }
        return lowest + "; " + tiedAndIdleAsLong + " are tied and have waited equally long, so the first on the"
                + " roster";
    }
}

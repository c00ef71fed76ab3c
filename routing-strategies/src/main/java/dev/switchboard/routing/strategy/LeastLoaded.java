package dev.switchboard.routing.strategy;

import dev.switchboard.routing.BusyPolicy;
import dev.switchboard.routing.Candidate;
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
 * Gives the conversation to the owner with the least work right now: the fewest open conversations, or the lowest
 * utilisation, as configured by its {@link Measure}. Ties go to the owner that has waited longest since its last
 * assignment (an owner never assigned waits longest of all), then to the one earlier on the roster. Only owners
 * that can take the conversation now take part. It keeps no cursor: the live loads are its memory.
 */
public final class LeastLoaded implements Strategy {

    /** What "least loaded" compares. */
    public enum Measure {
        /** Open conversations across all channels ({@link Candidate#load()}), so counts even out. */
        OPEN_CONVERSATIONS {
            @Override
            double of(Eligible owner) {
                return owner.load();
            }

            @Override
            String describe(Owner owner, int load) {
                return "the fewest open conversations (" + load + ")";
            }
        },
        /**
         * Open conversations as a share of total capacity ({@link Candidate#utilisation()}), so owners with more
         * capacity take proportionally more.
         */
        UTILISATION {
            @Override
            double of(Eligible owner) {
                return owner.utilisation();
            }

            @Override
            String describe(Owner owner, int load) {
                return "the lowest utilisation (" + load + " open of capacity " + owner.capacity().total() + ")";
            }
        };

        /** The measured value of the eligible owner the cursor is on. */
        abstract double of(Eligible owner);

        /** What makes the owner with this load the least loaded, for people. */
        abstract String describe(Owner owner, int load);
    }

    private final String name;
    private final Measure measure;
    private final BusyPolicy busyPolicy;

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
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * One pass over the eligible owners in roster order, keeping the first with the lowest measure and then the oldest
     * last assignment, and counting how many tie with it, for the reason.
     */
    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Eligible eligible = view.eligible(Requirements.NONE, busyPolicy);
        int count = 0;
        int tied = 0;
        int tiedAndIdleAsLong = 0;
        Owner chosen = null;
        int chosenLoad = 0;
        double lowest = Double.MAX_VALUE;
        Instant idleSince = Instant.MAX;
        while (eligible.next()) {
            count++;
            double value = measure.of(eligible);
            Instant lastAssignedAt = eligible.lastAssignedAt();
            if (value > lowest) {
                continue;
            }
            if (value < lowest) {
                lowest = value;
                tied = 0;
                idleSince = Instant.MAX;
            }
            tied++;
            if (lastAssignedAt.isBefore(idleSince)) {
                idleSince = lastAssignedAt;
                tiedAndIdleAsLong = 0;
                chosen = eligible.owner();
                chosenLoad = eligible.load();
            }
            if (lastAssignedAt.equals(idleSince)) {
                tiedAndIdleAsLong++;
            }
        }
        if (chosen == null) {
            return Eligibility.noOwnerCanTake(view, busyPolicy);
        }
        return new Verdict.Assign(chosen.id(), reason(measure.describe(chosen, chosenLoad), count, tied,
                tiedAndIdleAsLong), Map.of());
    }

    /** Says what made the chosen owner win, including the tie-break when one was needed. */
    private static String reason(String lowest, int count, int tied, int tiedAndIdleAsLong) {
        if (count == 1) {
            return "the only owner who can take it";
        }
        String has = "has " + lowest + " of the " + count + " owners who can take it";
        if (tied == 1) {
            return has;
        }
        if (tiedAndIdleAsLong == 1) {
            return has + "; of the " + tied + " tied, it has waited longest since its last assignment";
        }
        return has + "; " + tiedAndIdleAsLong + " are tied and have waited equally long, so the first on the roster";
    }
}

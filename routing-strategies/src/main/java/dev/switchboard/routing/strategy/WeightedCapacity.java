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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shares new conversations among owners in proportion to their {@link Owner#weight() weights}, such as daily
 * reception limits: owners weighted 100 and 200 get one third and two thirds. Only owners that can take the
 * conversation now take part, and an owner of weight zero never gets work from this step.
 *
 * <p>Each decision has a sequence number, kept as this step's cursor (keyed by its name). By default the choice
 * is deterministic: the sequence number indexes a fixed schedule for the weights of the owners who can take the
 * conversation, in which every owner stays less than one conversation from its exact share after every pick,
 * counted from sequence zero, for as long as the same owners can take work. When that set changes, the sequence
 * carries on in the new set's schedule, and over that stretch each share stays less than two conversations off.
 * The schedule for the latest weights is kept, so it is rebuilt only when they change. Weights whose ratios need a
 * schedule longer than 65,536 picks are rounded to that resolution first.
 *
 * <p>{@link #random} instead draws each owner at random in proportion to weight, reproducibly from a seed and the
 * sequence number.
 */
public final class WeightedCapacity implements Strategy {

    private final String name;
    private final BusyPolicy busyPolicy;
    private final Picker picker;

    /** Deterministic weighted shares among online owners, named {@code weighted-capacity}. */
    public WeightedCapacity() {
        this("weighted-capacity", BusyPolicy.EXCLUDE);
    }

    /**
     * Deterministic weighted shares.
     *
     * @param name the step's name in traces, also the key of its cursor (unique within a router)
     * @param busyPolicy whether busy owners take part
     */
    public WeightedCapacity(String name, BusyPolicy busyPolicy) {
        this(name, busyPolicy, new Scheduled());
    }

    private WeightedCapacity(String name, BusyPolicy busyPolicy, Picker picker) {
        this.name = Names.check(name);
        this.busyPolicy = Args.notNull(busyPolicy, "busyPolicy");
        this.picker = picker;
    }

    /**
     * Weighted shares drawn at random: each decision picks an owner with probability weight / total weight of the
     * owners who can take it. The draw depends only on the seed and the sequence number, so a decision can be
     * replayed exactly; shares converge to the weights as conversations add up but may wander on the way.
     *
     * @param name the step's name in traces, also the key of its cursor (unique within a router)
     * @param seed fixes the sequence of draws
     * @param busyPolicy whether busy owners take part
     */
    public static WeightedCapacity random(String name, long seed, BusyPolicy busyPolicy) {
        return new WeightedCapacity(name, busyPolicy, new Seeded(seed));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Weighted weighted = Weighted.of(view, busyPolicy);
        if (weighted.count == 0) {
            List<Candidate> considered = new ArrayList<>();
            for (Candidate candidate : view.candidates()) {
                if (candidate.owner().weight() > 0) {
                    considered.add(candidate);
                }
            }
            return Eligibility.noneCanTake(considered, busyPolicy, "owners with a weight above zero");
        }
        long sequence = view.cursor(name);
        Owner chosen = weighted.ownerAt(picker.pick(weighted, sequence));
        String share = weighted.count == 1
                ? "the only owner with a weight above zero who can take it"
                : "weight " + chosen.weight() + " of " + weighted.total + " among the " + weighted.count
                        + " owners who can take it";
        return new Verdict.Assign(chosen.id(), picker.how() + ": " + share, Map.of(name, sequence + 1));
    }

    /**
     * The owners who can take the conversation and have a weight above zero, in roster order, indexed from zero, with
     * their weights: gathered in one walk of the view's index (so that they agree with each other even while other
     * threads route) into arrays that each thread reuses, so that a decision builds none once they are large enough.
     */
    private static final class Weighted {
        private static final ThreadLocal<Weighted> REUSED = ThreadLocal.withInitial(Weighted::new);

        private Owner[] owners = new Owner[16];
        private int[] weights = new int[16];
        int count;
        long total;

        static Weighted of(RoutingView view, BusyPolicy busyPolicy) {
            Weighted weighted = REUSED.get();
            weighted.gather(view.eligible(Requirements.NONE, busyPolicy));
            return weighted;
        }

        private void gather(Eligible eligible) {
            Arrays.fill(owners, 0, count, null);
            count = 0;
            total = 0;
            while (eligible.next()) {
                Owner owner = eligible.owner();
                if (owner.weight() > 0) {
                    if (count == owners.length) {
                        owners = Arrays.copyOf(owners, count * 2);
                        weights = Arrays.copyOf(weights, count * 2);
                    }
                    owners[count] = owner;
                    weights[count++] = owner.weight();
                    total += owner.weight();
                }
            }
        }

        Owner ownerAt(int index) {
            return owners[index];
        }

        /** Whether a schedule was built for exactly these weights. */
        boolean match(WeightedSchedule schedule) {
            if (schedule.size() != count) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (schedule.weight(i) != weights[i]) {
                    return false;
                }
            }
            return true;
        }

        int[] weights() {
            return Arrays.copyOf(weights, count);
        }

        /** The index of the owner in whose share of the total weight a draw in {@code [0, total)} falls. */
        int ownerOfDraw(long draw) {
            int index = 0;
            long remaining = draw;
            while (remaining >= weights[index]) {
                remaining -= weights[index];
                index++;
            }
            return index;
        }
    }

    /** How an owner is chosen from the weights of the owners who can take the conversation. */
    private interface Picker {
        /** The index of the chosen owner among the weighted owners. */
        int pick(Weighted weighted, long sequence);

        /** How the choice is made, in words for the verdict's reason. */
        String how();
    }

    /**
     * The deterministic schedule, kept for the last weights seen: they change only when owners start or stop being
     * able to take work, so most decisions reuse it. The schedule is immutable and rebuilding it gives the same one,
     * so threads that race here still all decide alike.
     */
    private static final class Scheduled implements Picker {
        private volatile WeightedSchedule last;

        @Override
        public int pick(Weighted weighted, long sequence) {
            WeightedSchedule schedule = last;
            if (schedule == null || !weighted.match(schedule)) {
                schedule = WeightedSchedule.of(weighted.weights());
                last = schedule;
            }
            return schedule.ownerAt(sequence);
        }

        @Override
        public String how() {
            return "next in the weighted rotation";
        }
    }

    /** A draw by cumulative weight from a generator seeded by mixing the seed with the sequence number. */
    private record Seeded(long seed) implements Picker {
        @Override
        public int pick(Weighted weighted, long sequence) {
            return weighted.ownerOfDraw(new SplittableRandom(seed ^ mix(sequence)).nextLong(weighted.total));
        }

        @Override
        public String how() {
            return "drawn at random in proportion to weight";
        }

        /** Stafford's 64-bit finaliser (variant 13), so that neighbouring sequence numbers seed unrelated draws. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}

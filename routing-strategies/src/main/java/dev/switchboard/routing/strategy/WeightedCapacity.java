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
        long sequence = view.cursor(name);
        Rotation last = picker.last();
        if (last != null) {
            int index = last.schedule.ownerAt(sequence);
            Owner owner = last.ownerAt(view.eligible(Requirements.NONE, busyPolicy), index);
            if (owner != null) {
                return new Verdict.Assign(owner.id(), last.reason(index), Map.of(name, sequence + 1));
            }
        }
        // No schedule yet, or the weights changed since the last pick: walk again, keeping every owner.
        Weighted weighted = Weighted.of(view, busyPolicy);
        int index = weighted.count == 0 ? -1 : picker.pick(weighted, sequence);
        if (index < 0) {
            List<Candidate> considered = new ArrayList<>();
            for (Candidate candidate : view.candidates()) {
                if (candidate.owner().weight() > 0) {
                    considered.add(candidate);
                }
            }
            return Eligibility.noneCanTake(considered, busyPolicy, "owners with a weight above zero");
        }
        return new Verdict.Assign(weighted.ownerAt(index).id(), picker.reason(weighted, index),
                Map.of(name, sequence + 1));
    }

    /** The share of an owner of weight {@code weight}, among {@code count} weighing {@code total}, for a reason. */
    private static String share(int weight, long total, int count) {
        return count == 1 ? "the only owner with a weight above zero who can take it"
                : "weight " + weight + " of " + total + " among the " + count + " owners who can take it";
    }

    /**
     * The owners who can take the conversation and have a weight above zero, in roster order, indexed from zero, with
     * their weights: gathered in one walk of the view's index (so that they agree with each other even while other
     * threads route) into arrays that each thread reuses, so that a decision builds none once they are large enough.
     * Only a decision that cannot follow the last schedule gathers them.
     */
    private static final class Weighted {
        private static final ThreadLocal<Weighted> REUSED = ThreadLocal.withInitial(Weighted::new);

        private Owner[] owners = new Owner[16];
        /** How many of {@code owners} the last walk filled, to be cleared before the next. */
        private int kept;
        private int[] weights = new int[16];
        int count;
        long total;
        /** The rotation the deterministic picker chose from for these weights, for its reason. */
        Rotation rotation;

        /** The weighted owners among those eligible. */
        static Weighted of(RoutingView view, BusyPolicy busyPolicy) {
            Weighted weighted = REUSED.get();
            weighted.gather(view.eligible(Requirements.NONE, busyPolicy));
            return weighted;
        }

        private void gather(Eligible eligible) {
            Arrays.fill(owners, 0, kept, null);
            int found = 0;
            long sum = 0;
            while (eligible.next()) {
                Owner owner = eligible.owner();
                int weight = owner.weight();
                if (weight > 0) {
                    if (found == weights.length) {
                        weights = Arrays.copyOf(weights, found * 2);
                        owners = Arrays.copyOf(owners, found * 2);
                    }
                    owners[found] = owner;
                    weights[found++] = weight;
                    sum += weight;
                }
            }
            count = found;
            total = sum;
            kept = found;
        }

        Owner ownerAt(int index) {
            return owners[index];
        }

        /** The share of the owner at an index, in words for the verdict's reason. */
        String share(int index) {
            return WeightedCapacity.share(weights[index], total, count);
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

        Owner[] owners() {
            return Arrays.copyOf(owners, count);
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

        /** The rotation of its last pick, which the next follows if the weights are the same; null if it has none. */
        Rotation last();

        /** Why the owner at an index, just picked from these weights, was chosen: the verdict's reason. */
        String reason(Weighted weighted, int index);
    }

    /**
     * The deterministic schedule, kept for the last weights seen: they change only when owners start or stop being
     * able to take work, so most decisions reuse it. The schedule is immutable and rebuilding it gives the same one,
     * so threads that race here still all decide alike.
     */
    private static final class Scheduled implements Picker {
        private volatile Rotation last;

        @Override
        public int pick(Weighted weighted, long sequence) {
            Rotation rotation = last;
            if (rotation == null || !weighted.match(rotation.schedule)) {
                rotation = new Rotation(WeightedSchedule.of(weighted.weights()), weighted.owners());
                last = rotation;
            }
            weighted.rotation = rotation;
            return rotation.schedule.ownerAt(sequence);
        }

        @Override
        public Rotation last() {
            return last;
        }

        @Override
        public String reason(Weighted weighted, int index) {
            return weighted.rotation.reason(index);
        }
    }

    /**
     * A schedule, with the reason for picking each of its owners, put into words on its first pick: the weights, their
     * total and their count are the schedule's, so the words are the same every time. Threads that race to word one
     * write the same text; a thread that sees none yet words it again.
     */
    private static final class Rotation {
        final WeightedSchedule schedule;
        /** The owners whose weights the schedule was built for: an owner that is the same object has the same weight. */
        private final Owner[] owners;
        private final long total;
        private final String[] reasons;

        Rotation(WeightedSchedule schedule, Owner[] owners) {
            this.schedule = schedule;
            this.owners = owners;
            long sum = 0;
            for (int i = 0; i < schedule.size(); i++) {
                sum += schedule.weight(i);
            }
            this.total = sum;
            this.reasons = new String[schedule.size()];
        }

        /**
         * The owner at {@code index} among the eligible owners of weight above zero, found in one walk that keeps
         * nothing else, when their weights are exactly this schedule's; null when they are not. Owners that are the
         * very ones the schedule was built for are not looked into.
         */
        Owner ownerAt(Eligible eligible, int index) {
            int size = schedule.size();
            int found = 0;
            Owner chosen = null;
            while (eligible.next()) {
                Owner owner = eligible.owner();
                if (found < size && owner == owners[found]) {
                    if (found == index) {
                        chosen = owner;
                    }
                    found++;
                    continue;
                }
                int weight = owner.weight();
                if (weight > 0) {
                    if (found == size || schedule.weight(found) != weight) {
                        return null;
                    }
                    if (found == index) {
                        chosen = owner;
                    }
                    found++;
                }
            }
            return found == size ? chosen : null;
        }

        String reason(int index) {
            String reason = reasons[index];
            if (reason == null) {
                reason = "next in the weighted rotation: " + share(schedule.weight(index), total, schedule.size());
                reasons[index] = reason;
            }
            return reason;
        }
    }

    /** A draw by cumulative weight from a generator seeded by mixing the seed with the sequence number. */
    private record Seeded(long seed) implements Picker {
        @Override
        public int pick(Weighted weighted, long sequence) {
            return weighted.ownerOfDraw(new SplittableRandom(seed ^ mix(sequence)).nextLong(weighted.total));
        }

        @Override
        public Rotation last() {
            return null;
        }

        @Override
        public String reason(Weighted weighted, int index) {
            return "drawn at random in proportion to weight: " + weighted.share(index);
        }

        /** Stafford's 64-bit finaliser (variant 13), so that neighbouring sequence numbers seed unrelated draws. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}

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
        WeightedSchedule last = picker.last();
        int expected = last == null ? -1 : last.ownerAt(sequence);
        Weighted weighted = Weighted.of(view, busyPolicy, last, expected);
        int index = weighted.count == 0 ? -1 : picker.pick(weighted, sequence);
        if (index >= 0 && index != expected && expected >= 0) {
            // The weights changed since the last pick: walk again, keeping every owner, and pick from that walk.
            weighted = Weighted.of(view, busyPolicy, null, -1);
            index = weighted.count == 0 ? -1 : picker.pick(weighted, sequence);
        }
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

    /**
     * The owners who can take the conversation and have a weight above zero, in roster order, indexed from zero, with
     * their weights: gathered in one walk of the view's index (so that they agree with each other even while other
     * threads route) into arrays that each thread reuses, so that a decision builds none once they are large enough.
     *
     * <p>When the picker has a schedule from its last pick, the walk compares the weights with it as it goes, and keeps
     * only the owner at the index that schedule picks: storing every owner into the array costs a garbage collector's
     * write barrier each, which was most of a decision.
     */
    private static final class Weighted {
        private static final ThreadLocal<Weighted> REUSED = ThreadLocal.withInitial(Weighted::new);

        private Owner[] owners = new Owner[16];
        /** How many of {@code owners} the last walk that kept them filled, to be cleared before the next. */
        private int kept;
        private int[] weights = new int[16];
        /** The index whose owner alone the walk kept, or -1 when it kept every owner. */
        private int expected;
        private Owner expectedOwner;
        /** The schedule the walk found exactly these weights in, or null. */
        WeightedSchedule matched;
        int count;
        long total;
        /** The rotation the deterministic picker chose from for these weights, for its reason. */
        Rotation rotation;

        /**
         * The weighted owners among those eligible, compared with the {@code last} schedule when there is one, keeping
         * only the owner at {@code expected} when it is not -1.
         */
        static Weighted of(RoutingView view, BusyPolicy busyPolicy, WeightedSchedule last, int expected) {
            Weighted weighted = REUSED.get();
            weighted.gather(view.eligible(Requirements.NONE, busyPolicy), last, expected);
            return weighted;
        }

        private void gather(Eligible eligible, WeightedSchedule last, int expectedIndex) {
            Arrays.fill(owners, 0, kept, null);
            kept = 0;
            expected = expectedIndex;
            expectedOwner = null;
            boolean keepAll = expectedIndex < 0;
            int found = 0;
            long sum = 0;
            Owner atExpected = null;
            boolean same = last != null;
            while (eligible.next()) {
                Owner owner = eligible.owner();
                int weight = owner.weight();
                if (weight > 0) {
                    if (found == weights.length) {
                        weights = Arrays.copyOf(weights, found * 2);
                    }
                    if (keepAll) {
                        if (found == owners.length) {
                            owners = Arrays.copyOf(owners, found * 2);
                        }
                        owners[found] = owner;
                    } else if (found == expectedIndex) {
                        atExpected = owner;
                    }
                    same = same && found < last.size() && last.weight(found) == weight;
                    weights[found++] = weight;
                    sum += weight;
                }
            }
            count = found;
            total = sum;
            kept = keepAll ? found : 0;
            expectedOwner = atExpected;
            matched = same && found == last.size() ? last : null;
        }

        Owner ownerAt(int index) {
            return index == expected ? expectedOwner : owners[index];
        }

        /** The share of the owner at an index, in words for the verdict's reason. */
        String share(int index) {
            return count == 1 ? "the only owner with a weight above zero who can take it"
                    : "weight " + weights[index] + " of " + total + " among the " + count + " owners who can take it";
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

        /** The schedule of its last pick, which the next follows if the weights are the same; null if it has none. */
        WeightedSchedule last();

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
            if (rotation == null || weighted.matched != rotation.schedule && !weighted.match(rotation.schedule)) {
                rotation = new Rotation(WeightedSchedule.of(weighted.weights()));
                last = rotation;
            }
            weighted.rotation = rotation;
            return rotation.schedule.ownerAt(sequence);
        }

        @Override
        public WeightedSchedule last() {
            Rotation rotation = last;
            return rotation == null ? null : rotation.schedule;
        }

        @Override
        public String reason(Weighted weighted, int index) {
            return weighted.rotation.reason(weighted, index);
        }
    }

    /**
     * A schedule, with the reason for picking each of its owners, put into words on its first pick: the weights, their
     * total and their count are the schedule's, so the words are the same every time. Threads that race to word one
     * write the same text; a thread that sees none yet words it again.
     */
    private static final class Rotation {
        final WeightedSchedule schedule;
        private final String[] reasons;

        Rotation(WeightedSchedule schedule) {
            this.schedule = schedule;
            this.reasons = new String[schedule.size()];
        }

        String reason(Weighted weighted, int index) {
            String reason = reasons[index];
            if (reason == null) {
                reason = "next in the weighted rotation: " + weighted.share(index);
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
        public WeightedSchedule last() {
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

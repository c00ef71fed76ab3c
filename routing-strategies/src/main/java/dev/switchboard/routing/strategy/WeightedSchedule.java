package dev.switchboard.routing.strategy;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * One period of picks that follows a weight vector as closely as a sequence of whole picks can: after the first
 * {@code n} picks of the period, owner {@code i} has been picked {@code floor(n * w[i] / W)} or
 * {@code ceil(n * w[i] / W)} times, so it is always less than one pick from its exact share.
 *
 * <p>The weights are divided by their greatest common divisor, so the period {@code W} is the sum of the reduced
 * weights; the schedule repeats with that period. It is built once by earliest-deadline-first over Pfair windows:
 * owner {@code i}'s {@code j}-th pick (from 1) may happen no earlier than slot {@code floor((j - 1) * W / w[i])}
 * and must happen before slot {@code ceil(j * W / w[i])}; as the weights fill the period exactly, EDF meets every
 * deadline, which is the bound above. (Smooth weighted round-robin, as in nginx, can drift by more than one pick
 * when there are many owners with uneven weights.)
 *
 * <p>A period longer than {@link #MAX_PERIOD} slots would take too long to build and too much memory to keep, so
 * such weights are first scaled down to that resolution; the bound then holds for the scaled weights, whose shares
 * are within about {@code (k + 1) / 65,536} of the real ones for {@code k} owners (under 0.02% for ten owners).
 * Immutable.
 */
final class WeightedSchedule {

    /** The longest period built exactly; reduced weights that sum to more are scaled down to about this. */
    private static final int MAX_PERIOD = 1 << 16;

    private final int[] weights;
    private final int[] slots;

    private WeightedSchedule(int[] weights, int[] slots) {
        this.weights = weights;
        this.slots = slots;
    }

    /** The schedule for positive weights, given in the order their owners are indexed. */
    static WeightedSchedule of(int[] weights) {
        long[] reduced = reduce(weights);
        return new WeightedSchedule(weights.clone(), earliestDeadlineFirst(reduced));
    }

    /** How many owners the schedule was built for. */
    int size() {
        return weights.length;
    }

    /** The weight the schedule was built with for the owner at an index. */
    int weight(int index) {
        return weights[index];
    }

    /**
     * The index of the owner picked at a sequence number; the schedule repeats, so any number is valid. A number that
     * fits in an int (the usual case) is reduced with an int division, which costs a fraction of a long one.
     */
    int ownerAt(long sequence) {
        int slot = sequence >= 0 && sequence <= Integer.MAX_VALUE ? (int) sequence % slots.length
                : (int) Math.floorMod(sequence, (long) slots.length);
        return slots[slot];
    }

    /** Divides by the gcd and, when the sum is still above {@link #MAX_PERIOD}, scales down (keeping each at 1+). */
    private static long[] reduce(int[] weights) {
        long[] reduced = divideByGcd(Arrays.stream(weights).asLongStream().toArray());
        long sum = Arrays.stream(reduced).sum();
        if (sum <= MAX_PERIOD) {
            return reduced;
        }
        long[] scaled = new long[reduced.length];
        for (int i = 0; i < reduced.length; i++) {
            scaled[i] = Math.max(1, (reduced[i] * MAX_PERIOD + sum / 2) / sum);
        }
        return divideByGcd(scaled);
    }

    private static long[] divideByGcd(long[] weights) {
        long gcd = 0;
        for (long weight : weights) {
            gcd = gcd(gcd, weight);
        }
        long[] divided = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            divided[i] = weights[i] / gcd;
        }
        return divided;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long rest = a % b;
            a = b;
            b = rest;
        }
        return a;
    }

    /**
     * Fills each slot of the period with the released owner whose next pick is due first (then the lowest index).
     * Queue entries pack a slot number and an owner index into one long, {@code slot * owners + index}, so that they
     * order by slot, then index.
     */
    private static int[] earliestDeadlineFirst(long[] weights) {
        int owners = weights.length;
        long period = Arrays.stream(weights).sum();
        long[] picks = new long[owners];
        PriorityQueue<Long> waiting = new PriorityQueue<>(owners);
        PriorityQueue<Long> released = new PriorityQueue<>(owners);
        for (int i = 0; i < owners; i++) {
            waiting.add((long) i);
        }
        int[] slots = new int[(int) period];
        for (int slot = 0; slot < slots.length; slot++) {
            while (!waiting.isEmpty() && waiting.peek() / owners <= slot) {
                int owner = (int) (waiting.remove() % owners);
                long deadline = ((picks[owner] + 1) * period + weights[owner] - 1) / weights[owner];
                released.add(deadline * owners + owner);
            }
            int owner = (int) (released.remove() % owners);
            slots[slot] = owner;
            picks[owner]++;
            if (picks[owner] < weights[owner]) {
                waiting.add(picks[owner] * period / weights[owner] * owners + owner);
            }
        }
        return slots;
    }
}

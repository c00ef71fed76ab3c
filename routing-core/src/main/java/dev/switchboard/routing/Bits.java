package dev.switchboard.routing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A growable set of roster positions, one bit each: the building block of the roster's indexes. A query ANDs the
 * words of several sets, so it visits 64 owners per step and builds nothing for those that do not qualify.
 *
 * <p>Owners that share a word may change on different threads at once (each under its own slot's lock), so a bit is
 * set and cleared atomically, and only when it changes; readers may see a word a moment old, which the roster's
 * per-owner checks at commit time make harmless. The array grows only while the router's lock is held exclusively.
 */
final class Bits {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[] words = new long[1];

    /** The word holding positions {@code 64 * index} to {@code 64 * index + 63}; zero past the end. */
    long word(int index) {
        return word(words, index);
    }

    /** The word at an index of {@link #words()}; zero past the end. */
    static long word(long[] words, int index) {
        return index < words.length ? words[index] : 0L;
    }

    /**
     * The words, one per 64 positions, as they are now: the same array until the set grows, which only the router's
     * exclusive lock allows, so a decision may read it for as long as it runs. Not to be written.
     */
    long[] words() {
        return words;
    }

    void set(int position, boolean value) {
        if (value) {
            set(position);
        } else {
            clear(position);
        }
    }

    void set(int position) {
        long[] current = reserve(position);
        int index = position >>> 6;
        long bit = 1L << position;
        if ((current[index] & bit) == 0) {
            WORDS.getAndBitwiseOr(current, index, bit);
        }
    }

    /**
     * Grows the set to hold a position, without setting it, so that setting it later never grows the array (which
     * only the router's exclusive lock allows); the words it now has.
     */
    long[] reserve(int position) {
        int index = position >>> 6;
        long[] current = words;
        if (index >= current.length) {
            current = Arrays.copyOf(current, Math.max(index + 1, current.length * 2));
            words = current;
        }
        return current;
    }

    void clear(int position) {
        int index = position >>> 6;
        long[] current = words;
        long bit = 1L << position;
        if (index < current.length && (current[index] & bit) != 0) {
            WORDS.getAndBitwiseAnd(current, index, ~bit);
        }
    }

    boolean get(int position) {
        return (word(position >>> 6) & (1L << position)) != 0;
    }

    Bits copy() {
        Bits copy = new Bits();
        copy.words = words.clone();
        return copy;
    }
}

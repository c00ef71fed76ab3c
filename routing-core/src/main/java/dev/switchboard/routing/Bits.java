package dev.switchboard.routing;

import java.util.Arrays;

/**
 * A growable set of roster positions, one bit each: the building block of the roster's indexes. A query ANDs the
 * words of several sets, so it visits 64 owners per step and builds nothing for those that do not qualify.
 */
final class Bits {

    private long[] words = new long[1];

    /** The word holding positions {@code 64 * index} to {@code 64 * index + 63}; zero past the end. */
    long word(int index) {
        return index < words.length ? words[index] : 0L;
    }

    /** How many words may be non-zero. */
    int wordCount() {
        return words.length;
    }

    void set(int position, boolean value) {
        if (value) {
            set(position);
        } else {
            clear(position);
        }
    }

    void set(int position) {
        int index = position >>> 6;
        if (index >= words.length) {
            words = Arrays.copyOf(words, Math.max(index + 1, words.length * 2));
        }
        words[index] |= 1L << position;
    }

    void clear(int position) {
        int index = position >>> 6;
        if (index < words.length) {
            words[index] &= ~(1L << position);
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

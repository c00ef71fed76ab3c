package dev.switchboard.routing;

/**
 * The sets every owner an {@link IndexedEligible} walk visits is in, as their words, ANDed a word at a time for a walk
 * that steps from owner to owner, or a set at a time for one that counts them all. A set's array is replaced only when
 * it grows, under the router's exclusive lock, so it stays the set's while a decision runs. One instance serves walk
 * after walk: it builds nothing once its arrays have grown to the most sets and words it met.
 */
final class RequiredWords {

    private long[][] sets = new long[4][];
    private int count;
    /** How many words every set has, and no more than the roster's positions need. */
    private int words;
    /** The sets ANDed, for {@link #andedFrom}. */
    private long[] anded = new long[0];

    /** Starts over, with room for {@code capacity} sets, over at most {@code limit} words. */
    void clear(int capacity, int limit) {
        if (sets.length < capacity) {
            sets = new long[capacity][];
        }
        count = 0;
        words = limit;
    }

    /** Adds a set's words, at place {@link #size()}. */
    void add(long[] set) {
        sets[count++] = set;
        words = Math.min(words, set.length);
    }

    /** How many sets it holds. */
    int size() {
        return count;
    }

    /** Replaces the set at {@code place} with one inside it (a higher level of the same skill). */
    void replace(int place, long[] set) {
        sets[place] = set;
        words = Math.min(words, set.length);
    }

    /** How many words the walk looks at: every set has at least these. */
    int words() {
        return words;
    }

    /**
     * The sets ANDed at one word, last first (region, language, skills: the sparsest), stopping at the first zero.
     */
    long wordAt(int index) {
        long bits = -1L;
        for (int i = count - 1; i >= 0 && bits != 0; i--) {
            bits &= sets[i][index];
        }
        return bits;
    }

    /**
     * The sets ANDed from word {@code from} to {@link #words}, one set at a time over the words, which the JIT turns
     * into vector instructions; the array is this instance's, valid until its next call.
     */
    long[] andedFrom(int from) {
        if (anded.length < words) {
            anded = new long[words];
        }
        long[] into = anded;
        System.arraycopy(sets[0], from, into, from, words - from);
        for (int set = 1; set < count; set++) {
            long[] bits = sets[set];
            for (int index = from; index < words; index++) {
                into[index] &= bits[index];
            }
        }
        return into;
    }
}

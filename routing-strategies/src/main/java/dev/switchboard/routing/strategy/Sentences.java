package dev.switchboard.routing.strategy;

/**
 * Sentences a strategy says again and again, each kept under a number that stands for what it says (a score, a
 * relaxation step, a count of ties), so that a decision whose sentence was said before reuses it instead of building it
 * again. Direct-mapped: each number has one of {@value #SLOTS} slots, which the latest sentence whose number maps there
 * takes. Thread-safe: a slot holds an immutable entry, and two threads that race only build one sentence twice.
 */
final class Sentences {

    private static final int SLOTS = 256;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private final Said[] slots = new Said[SLOTS];

    /** The sentence kept under {@code key}, or null when none is. */
    String get(long key) {
        Said said = slots[slot(key)];
        return said != null && said.key() == key ? said.sentence() : null;
    }

    /** Keeps {@code sentence} under {@code key}, in place of the slot's previous one, and returns it. */
    String keep(long key, String sentence) {
        slots[slot(key)] = new Said(key, sentence);
        return sentence;
    }

    /** The slot of a key: the top bits of the key times a large odd constant, which spreads neighbouring keys. */
    private static int slot(long key) {
        return (int) ((key * SPREAD) >>> (Long.SIZE - SLOT_BITS));
    }

    private record Said(long key, String sentence) {}
}

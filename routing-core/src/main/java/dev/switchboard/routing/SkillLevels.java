package dev.switchboard.routing;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roster's index of one skill: at each level some owner has, the owners at that level or above, and each owner's
 * level, by roster index (see {@link Roster}).
 */
final class SkillLevels {

    /** Levels no owner has are left out: they select the same owners as the next level up. */
    private final TreeMap<Integer, Bits> atLeast = new TreeMap<>();
    private int[] levels = new int[0];

    void add(int index, int level) {
        if (!atLeast.containsKey(level)) {
            Map.Entry<Integer, Bits> higher = atLeast.higherEntry(level);
            atLeast.put(level, higher == null ? new Bits() : higher.getValue().copy());
        }
        atLeast.headMap(level, true).values().forEach(bits -> bits.set(index));
        if (index >= levels.length) {
            int from = levels.length;
            levels = Arrays.copyOf(levels, Math.max(index + 1, levels.length * 2));
            Arrays.fill(levels, from, levels.length, -1);
        }
        levels[index] = level;
    }

    void remove(int index, int level) {
        atLeast.headMap(level, true).values().forEach(bits -> bits.clear(index));
        levels[index] = -1;
    }

    /** The owners with this skill at {@code min} or above, or null when nobody has it that high. */
    Bits atLeast(int min) {
        Integer level = atLeast.ceilingKey(min); // not ceilingEntry, which builds an entry per call
        return level == null ? null : atLeast.get(level);
    }

    /**
     * Each owner's level by roster index, -1 for those who lack the skill (and past the end): replaced only as owners
     * join, under the router's exclusive lock, so a decision may read it for as long as it runs. Not to be written.
     */
    int[] levels() {
        return levels;
    }

    /** At least the highest level anyone on the roster has (levels of owners who left may linger until compaction). */
    int highest() {
        return atLeast.isEmpty() ? -1 : atLeast.lastKey();
    }
}

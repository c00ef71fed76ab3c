package dev.switchboard.routing;

import java.util.Arrays;

/**
 * The roster's index of one skill: at each level some owner has, the owners at that level or above, and each owner's
 * level, by roster index (see {@link Roster}).
 */
final class SkillLevels {

    /**
     * The levels some owner has (or had, until compaction), ascending, the first {@link #count}; levels no owner has
     * are left out, as they select the same owners as the next level up. A sorted array, which a decision searches
     * without boxing a level or following tree nodes.
     */
    private int[] levelsHeld = new int[0];
    /** The owners at {@code levelsHeld[i]} or above, at {@code i}. */
    private Bits[] atLeast = new Bits[0];
    private int count;
    private int[] levels = new int[0];

    void add(int index, int level) {
        int at = Arrays.binarySearch(levelsHeld, 0, count, level);
        if (at < 0) {
            at = -at - 1;
            insert(at, level, at < count ? atLeast[at].copy() : new Bits());
        }
        for (int i = 0; i <= at; i++) {
            atLeast[i].set(index);
        }
        if (index >= levels.length) {
            int from = levels.length;
            levels = Arrays.copyOf(levels, Math.max(index + 1, levels.length * 2));
            Arrays.fill(levels, from, levels.length, -1);
        }
        levels[index] = level;
    }

    /** Holds a new level at {@code at}, with the owners at it or above. */
    private void insert(int at, int level, Bits owners) {
        if (count == levelsHeld.length) {
            levelsHeld = Arrays.copyOf(levelsHeld, Math.max(4, count * 2));
            atLeast = Arrays.copyOf(atLeast, levelsHeld.length);
        }
        System.arraycopy(levelsHeld, at, levelsHeld, at + 1, count - at);
        System.arraycopy(atLeast, at, atLeast, at + 1, count - at);
        levelsHeld[at] = level;
        atLeast[at] = owners;
        count++;
    }

    void remove(int index, int level) {
        for (int i = 0; i < count && levelsHeld[i] <= level; i++) {
            atLeast[i].clear(index);
        }
        levels[index] = -1;
    }

    /** The owners with this skill at {@code min} or above, or null when nobody has it that high. */
    Bits atLeast(int min) {
        int at = Arrays.binarySearch(levelsHeld, 0, count, min);
        if (at < 0) {
            at = -at - 1;
        }
        return at < count ? atLeast[at] : null;
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
        return count == 0 ? -1 : levelsHeld[count - 1];
    }
}

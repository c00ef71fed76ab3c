package dev.switchboard.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One rule's strategy cursors (see {@link Verdict.Assign#cursors()}). A rule has a few, so each is an entry that
 * moves in place: storing the cursors of an assignment builds nothing once each key has been seen. Decisions on
 * several threads read them at once; a decision that read a cursor commits only if it has not moved since
 * ({@link #unchanged}, under this object's lock), so a rotation stays exact however many threads route.
 */
final class Cursors {

    private static final class Entry {
        final String key;
        volatile long position;

        Entry(String key, long position) {
            this.key = key;
            this.position = position;
        }
    }

    private volatile Entry[] entries = {};

    /** A cursor's position, or zero if it never moved. */
    long get(String key) {
        for (Entry entry : entries) {
            if (entry.key.equals(key)) {
                return entry.position;
            }
        }
        return 0L;
    }

    /** Whether the first {@code count} cursors read by a decision are where it read them. */
    boolean unchanged(String[] keys, long[] positions, int count) {
        for (int i = 0; i < count; i++) {
            if (get(keys[i]) != positions[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every cursor that moved, with its position. */
    Map<String, Long> positions() {
        Map<String, Long> positions = new HashMap<>();
        for (Entry entry : entries) {
            positions.put(entry.key, entry.position);
        }
        return positions;
    }

    synchronized void move(Map<String, Long> moves) {
        int moved = 0;
        for (Entry entry : entries) {
            Long position = moves.get(entry.key);
            if (position != null) {
                entry.position = position;
                moved++;
            }
        }
        if (moved < moves.size()) {
            moves.forEach(this::add);
        }
    }

    private void add(String key, long position) {
        for (Entry entry : entries) {
            if (entry.key.equals(key)) {
                return;
            }
        }
        Entry[] grown = Arrays.copyOf(entries, entries.length + 1);
        grown[grown.length - 1] = new Entry(key, position);
        entries = grown;
    }
}

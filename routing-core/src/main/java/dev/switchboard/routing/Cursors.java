package dev.switchboard.routing;

import java.util.Arrays;
import java.util.Map;

/**
 * One rule's strategy cursors (see {@link Verdict.Assign#cursors()}). A rule has a few, so they are kept in two
 * arrays that move in place: storing the cursors of an assignment builds nothing once each key has been seen.
 */
final class Cursors {

    private String[] keys = {};
    private long[] positions = {};

    /** A cursor's position, or zero if it never moved. */
    long get(String key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return positions[i];
            }
        }
        return 0L;
    }

    void move(Map<String, Long> moves) {
        int moved = 0;
        for (int i = 0; i < keys.length; i++) {
            Long position = moves.get(keys[i]);
            if (position != null) {
                positions[i] = position;
                moved++;
            }
        }
        if (moved < moves.size()) {
            moves.forEach(this::add);
        }
    }

    private void add(String key, long position) {
        for (String known : keys) {
            if (known.equals(key)) {
                return;
            }
        }
        keys = Arrays.copyOf(keys, keys.length + 1);
        positions = Arrays.copyOf(positions, positions.length + 1);
        keys[keys.length - 1] = key;
        positions[positions.length - 1] = position;
    }
}

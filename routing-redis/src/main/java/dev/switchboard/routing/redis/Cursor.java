package dev.switchboard.routing.redis;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strategy cursor as a decision reads it: its position, and its version, which every committed move raises by
 * one, so that a commit can tell that nobody moved it since (even back to the same position).
 *
 * @param position where the cursor stands, zero if it never moved
 * @param version how many times it was moved, zero if never
 */
public record Cursor(long position, long version) {

    /** A cursor that never moved. */
    public static final Cursor START = new Cursor(0, 0);

    public Cursor {
        if (version < 0) {
            throw new IllegalArgumentException("cursor version must not be negative, was " + version);
        }
    }

    /**
     * A scope's cursors from its hash's fields ({@code p:<key>} the position, {@code v:<key>} the version), by key
     * (a hash's fields come in no order of their own).
     */
    static Map<String, Cursor> parse(Map<String, String> fields) {
        Map<String, Cursor> cursors = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("p:")) {
                String key = field.substring(2);
                cursors.put(key, new Cursor(Long.parseLong(value), Long.parseLong(fields.getOrDefault("v:" + key,
                        "0"))));
            }
        });
        return Collections.unmodifiableSortedMap(new TreeMap<>(cursors));
    }
}

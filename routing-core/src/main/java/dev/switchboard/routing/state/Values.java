package dev.switchboard.routing.state;

import dev.switchboard.routing.Bounds;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Argument checks of the snapshot's values: every message names the field, and the element or key at fault. */
final class Values {
    private Values() {}

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static String id(String value, String field) {
        return Bounds.id(value, field);
    }

    /** An immutable copy of a list, refusing a null list or a null element (named by its index). */
    static <T> List<T> list(List<T> values, String field) {
        notNull(values, field);
        for (int i = 0; i < values.size(); i++) {
            notNull(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }

    /** An immutable copy of a list of instants, oldest first. */
    static List<Instant> oldestFirst(List<Instant> values, String field) {
        List<Instant> copy = list(values, field);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).isBefore(copy.get(i - 1))) {
                throw new IllegalArgumentException(field + " must be oldest first, but " + field + "[" + i + "] "
                        + copy.get(i) + " is before " + copy.get(i - 1));
            }
        }
        return copy;
    }

    /** An immutable copy of a list of ids, each checked as an id. */
    static List<String> ids(List<String> values, String field) {
        List<String> copy = list(values, field);
        for (int i = 0; i < copy.size(); i++) {
            id(copy.get(i), field + "[" + i + "]");
        }
        return copy;
    }

    /** An immutable copy of a map from ids to instants. */
    static Map<String, Instant> instants(Map<String, Instant> values, String field) {
        notNull(values, field);
        values.forEach((key, instant) -> notNull(instant, field + "[" + id(key, field + " key") + "]"));
        return Map.copyOf(values);
    }

    /** An immutable copy of a map from ids to lists of ids. */
    static Map<String, List<String>> idLists(Map<String, List<String>> values, String field) {
        notNull(values, field);
        Map<String, List<String>> copy = new HashMap<>();
        values.forEach((key, ids) -> copy.put(id(key, field + " key"), ids(ids, field + "[" + key + "]")));
        return Map.copyOf(copy);
    }

    /** An immutable copy of the cursors: scope to key to position. */
    static Map<String, Map<String, Long>> cursors(Map<String, Map<String, Long>> values) {
        notNull(values, "cursors");
        Map<String, Map<String, Long>> copy = new HashMap<>();
        values.forEach((scope, positions) -> {
            String field = "cursors[" + notNull(scope, "cursors scope") + "]";
            notNull(positions, field);
            positions.forEach((key, position) -> notNull(position, field + "[" + notNull(key, field + " key") + "]"));
            copy.put(scope, Map.copyOf(positions));
        });
        return Map.copyOf(copy);
    }
}

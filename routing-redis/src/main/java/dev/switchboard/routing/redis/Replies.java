package dev.switchboard.routing.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading scripts' replies: a hash's fields given flat, and lists of strings. */
final class Replies {

    private Replies() {}

    /** Fields given flat (field, value, field, value...) as a map. */
    static Map<String, String> fields(List<?> flat) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        return fields;
    }

    /** A reply that is a list of strings. */
    static List<String> strings(Object reply) {
        List<String> strings = new ArrayList<>();
        ((List<?>) reply).forEach(value -> strings.add((String) value));
        return List.copyOf(strings);
    }
}

package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Argument checks shared by the value types, and the implementation of {@link Bounds}; every message names the field
 * and the bad value.
 */
final class Checks {
    private Checks() {}

    /**
     * An immutable copy of a map that iterates by key (refusing null keys and values, as {@link Map#copyOf} does), for
     * the maps of values that hosts list or print: a {@link Map#copyOf} iterates in an order that changes from one JVM
     * to the next.
     */
    static <K extends Comparable<? super K>, V> Map<K, V> byKey(Map<K, V> map) {
        Map<K, V> copy = Map.copyOf(map);
        if (copy.size() < 2) {
            return copy;
        }
        Map<K, V> sorted = new LinkedHashMap<>();
        copy.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> sorted.put(entry.getKey(),
                entry.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    /** As {@link #byKey}, for a set: an immutable copy that iterates in natural order. */
    static <T extends Comparable<? super T>> Set<T> sorted(Set<T> set) {
        Set<T> copy = Set.copyOf(set);
        return copy.size() < 2 ? copy : Collections.unmodifiableSet(new LinkedHashSet<>(copy.stream().sorted()
                .toList()));
    }

    /** An id or a name with a visible character (see {@link Bounds}). */
    static String id(String value, String field) {
        notNull(value, field);
        if (hasVisibleAscii(value)) {
            return value;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.codePoints().allMatch(Checks::invisible)) {
            throw new IllegalArgumentException(field + " must not be blank, was only invisible characters "
                    + codePoints(value));
        }
        return value;
    }

    /** Whether a text has a visible ASCII character, which settles that it is not blank without looking further. */
    private static boolean hasVisibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Spaces of every kind, format characters (such as U+200B, U+FEFF) and control characters. */
    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.FORMAT
                || type == Character.CONTROL;
    }

    /** The code points of a text, for people: {@code U+00A0 U+200B}. */
    private static String codePoints(String value) {
        return value.codePoints().mapToObj(c -> String.format(Locale.ROOT, "U+%04X", c))
                .collect(Collectors.joining(" "));
    }

    /** A name matched case-insensitively (channel, language, region, skill): trimmed and lower-cased. */
    static String key(String value, String field) {
        return asKey(id(value, field));
    }

    /**
     * Whether a text is a key as it is: not empty, and only visible ASCII that is not upper case, so that trimming and
     * lower-casing would return it unchanged. One pass of comparisons, where lower-casing looks each character up.
     */
    private static boolean isKey(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7F || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return length > 0;
    }

    /** Like {@link #key} but empty (or only spaces) means "unspecified". */
    static String optionalKey(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null (use \"\" for unspecified)");
        }
        return value.isBlank() ? "" : key(value, field);
    }

    /**
     * The field of a conversation as messages name it: {@code channel of conversation 'c-1'}. The checks below that
     * take the field and the conversation's id build it only when they fail, as a conversation is checked field by
     * field every time one is built.
     */
    static String ofConversation(String field, String conversationId) {
        return field + " of conversation '" + conversationId + "'";
    }

    /** {@link #id} of a conversation's field. */
    static String id(String value, String field, String conversationId) {
        return value != null && hasVisibleAscii(value) ? value : id(value, ofConversation(field, conversationId));
    }

    /** {@link #key} of a conversation's field. */
    static String key(String value, String field, String conversationId) {
        return value != null && hasVisibleAscii(value) ? asKey(value)
                : key(value, ofConversation(field, conversationId));
    }

    /** {@link #optionalKey} of a conversation's field. */
    static String optionalKey(String value, String field, String conversationId) {
        return value != null && hasVisibleAscii(value) ? asKey(value)
                : optionalKey(value, ofConversation(field, conversationId));
    }

    /** A text with a visible character as a key: itself when it is one already (see {@link #isKey}). */
    private static String asKey(String value) {
        return isKey(value) ? value : value.trim().toLowerCase(Locale.ROOT);
    }

    /** {@link #notNull} of a conversation's field. */
    static <T> T notNull(T value, String field, String conversationId) {
        return value != null ? value : notNull(value, ofConversation(field, conversationId));
    }

    /** {@link #instant} of a conversation's field. */
    static Instant instant(Instant value, String field, String conversationId) {
        return value != null && !value.isBefore(Bounds.EARLIEST) && !value.isAfter(Bounds.LATEST) ? value
                : instant(value, ofConversation(field, conversationId));
    }

    /**
     * The first value whose key an earlier value of the list has, or null when every key differs: each pair is looked
     * at in a short list, which builds nothing, and a set of the keys is built for a longer one.
     */
    static <T, K> T firstRepeated(List<T> values, Function<T, K> key) {
        int size = values.size();
        if (size <= 8) {
            for (int i = 1; i < size; i++) {
                K later = key.apply(values.get(i));
                for (int j = 0; j < i; j++) {
                    if (later.equals(key.apply(values.get(j)))) {
                        return values.get(i);
                    }
                }
            }
            return null;
        }
        Set<K> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(key.apply(value))) {
                return value;
            }
        }
        return null;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /** A duration above zero and at most {@link Bounds#MAX_DURATION}. */
    static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return atMostTheLongest(value, field);
    }

    /** A duration from zero to {@link Bounds#MAX_DURATION}. */
    static Duration nonNegative(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return atMostTheLongest(value, field);
    }

    private static Duration atMostTheLongest(Duration value, String field) {
        if (value.compareTo(Bounds.MAX_DURATION) > 0) {
            throw new IllegalArgumentException(field + " must be at most " + Bounds.MAX_DURATION
                    + " (100 years), was " + value);
        }
        return value;
    }

    /** An instant from {@link Bounds#EARLIEST} to {@link Bounds#LATEST}. */
    static Instant instant(Instant value, String field) {
        notNull(value, field);
        if (value.isBefore(Bounds.EARLIEST) || value.isAfter(Bounds.LATEST)) {
            throw new IllegalArgumentException(field + " must be from " + Bounds.EARLIEST + " to " + Bounds.LATEST
                    + ", was " + value);
        }
        return value;
    }

    /** For builders: a required option that was never set. */
    static void isSet(Object value, String option, String id) {
        if (value == null) {
            throw new IllegalStateException(option + " of conversation '" + id + "' is not set");
        }
    }

    /** An immutable copy of a list, refusing a null list or a null element (named by its index). */
    static <T> List<T> list(List<T> values, String field) {
        notNull(values, field);
        if (values instanceof RandomAccess) { // no iterator, and each element's name made only if it is null
            for (int index = 0; index < values.size(); index++) {
                if (values.get(index) == null) {
                    notNull(null, field + "[" + index + "]");
                }
            }
        } else {
            int index = 0;
            for (T value : values) {
                if (value == null) {
                    notNull(null, field + "[" + index + "]");
                }
                index++;
            }
        }
        return List.copyOf(values);
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}

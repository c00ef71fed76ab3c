package dev.switchboard.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Argument checks shared by the value types, and the implementation of {@link Bounds}; every message names the field
 * and the bad value.
 */
final class Checks {
    private Checks() {}

    /** An id or a name with a visible character (see {@link Bounds}). */
    static String id(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.codePoints().allMatch(Checks::invisible)) {
            throw new IllegalArgumentException(field + " must not be blank, was only invisible characters "
                    + codePoints(value));
        }
        return value;
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
        return id(value, field).trim().toLowerCase(Locale.ROOT);
    }

    /** Like {@link #key} but empty (or only spaces) means "unspecified". */
    static String optionalKey(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null (use \"\" for unspecified)");
        }
        return value.isBlank() ? "" : key(value, field);
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
        int index = 0;
        for (T value : values) {
            notNull(value, field + "[" + index++ + "]");
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

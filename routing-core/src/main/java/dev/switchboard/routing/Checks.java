package dev.switchboard.routing;

import java.time.Duration;
import java.util.Locale;

/** Argument checks shared by the value types; every message names the field and the bad value. */
final class Checks {
    private Checks() {}

    static String id(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** A name matched case-insensitively (channel, language, region, skill): trimmed and lower-cased. */
    static String key(String value, String field) {
        return id(value, field).trim().toLowerCase(Locale.ROOT);
    }

    /** Like {@link #key} but empty means "unspecified". */
    static String optionalKey(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null (use \"\" for unspecified)");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    static Duration nonNegative(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /** For builders: a required option that was never set. */
    static void isSet(Object value, String option, String id) {
        if (value == null) {
            throw new IllegalStateException(option + " of conversation '" + id + "' is not set");
        }
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}

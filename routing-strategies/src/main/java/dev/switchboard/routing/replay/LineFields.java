package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the typed fields of a log line, each failing with a {@link BadLine} that names the field. */
final class LineFields {

    /**
     * The earliest instant a log may hold: the epoch. With {@link #LATEST} it bounds every instant to what a
     * {@code long} count of nanoseconds since the epoch holds, the resolution of the router's timers.
     */
    static final Instant EARLIEST = Instant.EPOCH;

    /** The first instant a log may no longer hold: 2262-01-01T00:00:00Z. */
    static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");

    private LineFields() {}

    /** A problem on the line being read. */
    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message, null, false, false);
        }
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new BadLine("field '" + name + "' is missing");
        }
        return value;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new BadLine("field '" + name + "' must be a string, was " + value);
        }
        return value.asText();
    }

    static int integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadLine("field '" + name + "' must be a whole number, was " + value);
        }
        return value.intValue();
    }

    static long wholeLong(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new BadLine("field '" + name + "' must be a whole number, was " + value);
        }
        return value.longValue();
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isBoolean()) {
            throw new BadLine("field '" + name + "' must be true or false, was " + value);
        }
        return value.booleanValue();
    }

    static JsonNode object(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isObject()) {
            throw new BadLine("field '" + name + "' must be an object, was " + value);
        }
        return value;
    }

    static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new BadLine("field '" + name + "' must be an array, was " + value);
        }
        return value;
    }

    static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadLine("field '" + name + "' must be an ISO-8601 instant, was '" + text + "'");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new BadLine("field '" + name + "' must be from " + EARLIEST + " to before " + LATEST
                    + " (what a count of nanoseconds since the epoch holds), was '" + text + "'");
        }
        return instant;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadLine("field '" + name + "' has unknown value '" + text + "'");
        }
    }
}

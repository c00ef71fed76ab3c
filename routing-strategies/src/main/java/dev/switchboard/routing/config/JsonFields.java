package dev.switchboard.routing.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.routing.Bounds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON object of the document, read at its path: each field is asked for by name and type-checked, wrong ones
 * are recorded as problems at their path, and {@link #rejectUnknown} reports every field that was never asked for.
 * A field written as {@code null} is a problem, never its default: leaving the field out gives the default. Numbers
 * are bounded ({@link #number(Item, Problems)}), so that no value of a document can exhaust the machine later.
 */
final class JsonFields {

    /** The most digits a decimal number may have before its point, and after it. */
    static final int MAX_DECIMAL_DIGITS = 15;

    /** How many characters of a value a message quotes. */
    private static final int QUOTED_CHARS = 40;

    /** A JSON value and its path. */
    record Item(JsonNode node, String path) {}

    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> asked = new LinkedHashSet<>();

    private JsonFields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The object at {@code item}, or a problem if it is not an object. */
    static Optional<JsonFields> of(Item item, Problems problems) {
        if (!item.node().isObject()) {
            problems.add(item.path(), "must be an object, was " + describe(item.node()));
            return Optional.empty();
        }
        return Optional.of(new JsonFields(item.node(), item.path(), problems));
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path.equals("$") ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Every field, each counted as asked for: for objects whose field names are data, such as a skill map. */
    List<Map.Entry<String, Item>> entries() {
        List<Map.Entry<String, Item>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            asked.add(field.getKey());
            entries.add(Map.entry(field.getKey(), new Item(field.getValue(), path(field.getKey()))));
        }
        return entries;
    }

    Optional<Item> item(String field, boolean required) {
        asked.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                problems.add(path(field), "is required");
            }
            return Optional.empty();
        }
        if (value.isNull()) {
            problems.add(path(field), required ? "is required, and must not be null"
                    : "must not be null; leave the field out for its default");
            return Optional.empty();
        }
        return Optional.of(new Item(value, path(field)));
    }

    Optional<String> text(String field, boolean required) {
        return item(field, required).flatMap(item -> text(item, problems));
    }

    Optional<Boolean> bool(String field) {
        return item(field, false).flatMap(item -> {
            if (!item.node().isBoolean()) {
                problems.add(item.path(), "must be true or false, was " + describe(item.node()));
                return Optional.empty();
            }
            return Optional.of(item.node().booleanValue());
        });
    }

    Optional<Integer> integer(String field) {
        return item(field, false).flatMap(item -> integer(item, problems));
    }

    Optional<Long> whole(String field, boolean required) {
        return item(field, required).flatMap(item -> {
            if (!isWhole(item, Long.MIN_VALUE, Long.MAX_VALUE, problems)) {
                return Optional.empty();
            }
            return Optional.of(item.node().longValue());
        });
    }

    Optional<BigDecimal> number(String field, boolean required) {
        return item(field, required).flatMap(item -> number(item, problems));
    }

    /**
     * An ISO-8601 duration such as {@code PT5M}; negative ones are refused, and zero unless {@code zeroAllowed}, and so
     * are those longer than {@link Bounds#MAX_DURATION}, here at their path rather than when the router is built.
     */
    Optional<Duration> duration(String field, boolean required, boolean zeroAllowed) {
        return item(field, required).flatMap(item -> text(item, problems)).flatMap(text -> {
            Duration duration;
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException notADuration) {
                problems.add(path(field), "must be an ISO-8601 duration such as PT5M or PT1H30M, was '" + text + "'");
                return Optional.empty();
            }
            if (duration.isNegative() || (duration.isZero() && !zeroAllowed)) {
                problems.add(path(field), "must be " + (zeroAllowed ? "zero or more" : "positive") + ", was " + text);
                return Optional.empty();
            }
            if (duration.compareTo(Bounds.MAX_DURATION) > 0) {
                problems.add(path(field), "must be at most " + Bounds.MAX_DURATION + " (100 years), was " + text);
                return Optional.empty();
            }
            return Optional.of(duration);
        });
    }

    Optional<JsonFields> object(String field, boolean required) {
        return item(field, required).flatMap(item -> of(item, problems));
    }

    /** The elements of an array field, each with its path; empty when absent or not an array. */
    List<Item> array(String field, boolean required) {
        return item(field, required).map(item -> elements(item, problems)).orElse(List.of());
    }

    /** An array of strings, each checked. */
    List<Item> texts(String field) {
        List<Item> texts = new ArrayList<>();
        for (Item element : array(field, false)) {
            text(element, problems).ifPresent(text -> texts.add(element));
        }
        return texts;
    }

    /** A field whose text is one of an enum's constants, written in lower case with dashes: {@code longest-idle}. */
    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return text(field, false).flatMap(text -> {
            for (E constant : type.getEnumConstants()) {
                if (name(constant).equals(text)) {
                    return Optional.of(constant);
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(name(constant));
            }
            problems.add(path(field), "must be one of " + names + ", was '" + text + "'");
            return Optional.empty();
        });
    }

    private static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reports every field that was never asked for; {@code what} names such a field, such as "option". */
    void rejectUnknown(String what) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                problems.add(path(name), "unknown " + what + "; expected one of " + asked);
            }
        }
    }

    /** Counts every field as asked for, so none is reported as unknown (when the object's kind is unknown). */
    void skipRest() {
        node.fieldNames().forEachRemaining(asked::add);
    }

    static Optional<String> text(Item item, Problems problems) {
        if (!item.node().isTextual()) {
            problems.add(item.path(), "must be a string, was " + describe(item.node()));
            return Optional.empty();
        }
        if (item.node().textValue().isBlank()) {
            problems.add(item.path(), "must not be blank");
            return Optional.empty();
        }
        return Optional.of(item.node().textValue());
    }

    static Optional<Integer> integer(Item item, Problems problems) {
        if (!isWhole(item, Integer.MIN_VALUE, Integer.MAX_VALUE, problems)) {
            return Optional.empty();
        }
        return Optional.of(item.node().intValue());
    }

    /** Whether the item is a whole number from {@code min} to {@code max}; if not, adds the problem. */
    private static boolean isWhole(Item item, long min, long max, Problems problems) {
        if (!item.node().isIntegralNumber()) {
            problems.add(item.path(), "must be a whole number, was " + describe(item.node()));
            return false;
        }
        BigInteger value = item.node().bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.addAtNumber(item.path(), "must be a whole number from " + min + " to " + max + ", was "
                    + describe(item.node()));
            return false;
        }
        return true;
    }

    /**
     * A number with at most {@value #MAX_DECIMAL_DIGITS} digits before its point and as many after it: enough for
     * any threshold or score, and never a value such as {@code 1e-999999999} whose digits fill the heap when
     * written out.
     */
    static Optional<BigDecimal> number(Item item, Problems problems) {
        if (!item.node().isNumber()) {
            problems.add(item.path(), "must be a number, was " + describe(item.node()));
            return Optional.empty();
        }
        BigDecimal value = item.node().decimalValue().stripTrailingZeros();
        if (value.signum() != 0 && (value.precision() - value.scale() > MAX_DECIMAL_DIGITS
                || value.scale() > MAX_DECIMAL_DIGITS)) {
            problems.addAtNumber(item.path(), "must be a number with at most " + MAX_DECIMAL_DIGITS + " digits"
                    + " before the decimal point and " + MAX_DECIMAL_DIGITS + " after it, was "
                    + describe(item.node()));
            return Optional.empty();
        }
        return Optional.of(item.node().decimalValue());
    }

    static List<Item> elements(Item item, Problems problems) {
        if (!item.node().isArray()) {
            problems.add(item.path(), "must be an array, was " + describe(item.node()));
            return List.of();
        }
        List<Item> elements = new ArrayList<>();
        for (int i = 0; i < item.node().size(); i++) {
            elements.add(new Item(item.node().get(i), item.path() + "[" + i + "]"));
        }
        return elements;
    }

    /** A JSON value for a message: its kind, and the value itself, abbreviated when long. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string '" + abbreviate(value.textValue()) + "'";
        }
        if (value.isNumber() || value.isBoolean()) {
            return abbreviate(value.asText());
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.isObject() ? "an object" : "null";
    }

    /** The text, or its start and its length when longer than a message should quote. */
    private static String abbreviate(String text) {
        if (text.length() <= QUOTED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED_CHARS - 1)) ? QUOTED_CHARS - 1 : QUOTED_CHARS;
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}

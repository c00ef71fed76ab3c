package dev.switchboard.routing.helpdesk;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Reads request fields, so that every refusal names the field it is about. */
final class Fields {

    private Fields() {
    }

    /** The value of a field that must be present. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, field + " is required");
        }
        return value;
    }

    /** What the library makes of a field's value; its refusal (an IllegalArgumentException) is about that field. */
    static <T> T checked(String field, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException refused) {
            throw new InvalidField(field, refused.getMessage());
        }
    }

    /** An enum constant from its name in any case, such as {@code urgent} for {@code URGENT}. */
    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, required(field, value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String names = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new InvalidField(field, field + " must be one of " + names + ", was '" + value + "'");
        }
    }
}

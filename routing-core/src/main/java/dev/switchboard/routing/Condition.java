package dev.switchboard.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A test on one field of a conversation, part of the {@code when} of a {@link Rule}: equality ({@link Is}), set
 * membership ({@link In}) or a numeric comparison ({@link Compare}).
 *
 * <p>The fields are the conversation's {@code type}, {@code channel}, {@code language}, {@code region},
 * {@code priority} ({@code low}, {@code normal}, {@code high}, {@code urgent}), {@code vip} ({@code true} or
 * {@code false}) and {@code tags} (the attribute {@code tags}, a comma-separated list); any other name is a free
 * attribute, such as {@code offer}, {@code fitTier}, {@code accountContext} or {@code fitScore}. Text is compared
 * trimmed and case-insensitively, a list matches when one of its values does, and a missing attribute (or one that
 * is not a number, for a comparison) matches nothing.
 */
public sealed interface Condition {

    /** The fields every conversation has; any other field name is a free attribute. */
    Set<String> CONVERSATION_FIELDS = Set.of("type", "channel", "language", "region", "priority", "vip", "tags");

    /** The field this condition tests. */
    String field();

    /** Whether the conversation meets this condition. */
    boolean test(Conversation conversation);

    /** The condition for people, with the conversation's value, such as {@code region emea in [emea, uk]}. */
    String describe(Conversation conversation);

    /** The field equals a value; for {@code tags}, one of the tags does. */
    record Is(String field, String value) implements Condition {
        public Is {
            checkField(field);
            value = checkValue(field, value);
        }

        @Override
        public boolean test(Conversation conversation) {
            return valuesOf(conversation, field).contains(value);
        }

        @Override
        public String describe(Conversation conversation) {
            return field.equals("tags") ? "tags include " + value : field + " = " + value;
        }
    }

    /** The field is one of a set of values; for {@code tags}, one of the tags is. */
    record In(String field, List<String> values) implements Condition {
        public In {
            checkField(field);
            Checks.notNull(values, "values of condition on " + field);
            Set<String> distinct = new LinkedHashSet<>();
            for (String value : values) {
                distinct.add(checkValue(field, value));
            }
            if (distinct.isEmpty()) {
                throw new IllegalArgumentException("values of condition on " + field + " must not be empty");
            }
            values = List.copyOf(distinct);
        }

        @Override
        public boolean test(Conversation conversation) {
            for (String value : valuesOf(conversation, field)) {
                if (values.contains(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe(Conversation conversation) {
            return field + " " + String.join(", ", valuesOf(conversation, field)) + " in " + values;
        }
    }

    /** How a {@link Compare} condition compares the attribute (on the left) with its value. */
    enum Comparison {
        GT(">"),
        GTE(">="),
        LT("<"),
        LTE("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in traces, such as {@code >=}. */
        public String symbol() {
            return symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GT -> comparison > 0;
                case GTE -> comparison >= 0;
                case LT -> comparison < 0;
                case LTE -> comparison <= 0;
            };
        }
    }

    /** A numeric attribute compares with a number, such as {@code fitScore >= 70}. */
    record Compare(String field, Comparison comparison, BigDecimal value) implements Condition {
        public Compare {
            checkField(field);
            if (CONVERSATION_FIELDS.contains(field)) {
                throw new IllegalArgumentException("field '" + field + "' is not a number; only attributes can be"
                        + " compared with " + comparison);
            }
            Checks.notNull(comparison, "comparison of condition on " + field);
            value = Checks.notNull(value, "value of condition on " + field).stripTrailingZeros();
        }

        @Override
        public boolean test(Conversation conversation) {
            String text = Checks.notNull(conversation, "conversation").attributes().get(field);
            if (text == null) {
                return false;
            }
            try {
                return comparison.holds(new BigDecimal(text.trim()).compareTo(value));
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }

        @Override
        public String describe(Conversation conversation) {
            String text = Checks.notNull(conversation, "conversation").attributes().getOrDefault(field, "");
            return field + " " + text.trim() + " " + comparison.symbol() + " " + value.toPlainString();
        }
    }

    private static void checkField(String field) {
        Checks.id(field, "condition field");
    }

    /** A value normalised as the field's values are, and checked against the fields with a fixed set of values. */
    private static String checkValue(String field, String value) {
        String normalised = Checks.key(value, "value of condition on " + field);
        if (field.equals("priority")) {
            List<String> priorities = new ArrayList<>();
            for (Priority priority : Priority.values()) {
                priorities.add(priority.name().toLowerCase(Locale.ROOT));
            }
            if (!priorities.contains(normalised)) {
                throw new IllegalArgumentException("priority must be one of " + priorities + ", was '" + value + "'");
            }
        }
        if (field.equals("vip") && !normalised.equals("true") && !normalised.equals("false")) {
            throw new IllegalArgumentException("vip must be true or false, was '" + value + "'");
        }
        return normalised;
    }

    /** The field's values on a conversation, normalised: none, one, or for tags any number. */
    private static List<String> valuesOf(Conversation conversation, String field) {
        Checks.notNull(conversation, "conversation");
        String single = switch (field) {
            case "type" -> conversation.type();
            case "channel" -> conversation.channel();
            case "language" -> conversation.language();
            case "region" -> conversation.region();
            case "priority" -> conversation.priority().name().toLowerCase(Locale.ROOT);
            case "vip" -> String.valueOf(conversation.vip());
            default -> null;
        };
        if (single != null) {
            return single.isEmpty() ? List.of() : List.of(single);
        }
        String attribute = conversation.attributes().get(field);
        if (attribute == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String part : field.equals("tags") ? attribute.split(",") : new String[] {attribute}) {
            String value = part.trim().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}

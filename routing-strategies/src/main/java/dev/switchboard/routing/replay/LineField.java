package dev.switchboard.routing.replay;

import java.util.Locale;

/**
 * The fields {@link LineEncoder} writes, each writing its name and a value to a {@link JsonOut}. Each name is
 * quoted once, with its colon, so the writer copies it into the line rather than escaping it on every line. The name
 * is the constant's in camel case ({@code SLA_DEADLINE} is {@code slaDeadline}).
 */
enum LineField {
    ALREADY_SAID, AT, ATTRIBUTES, CAPACITY, CHANNEL, CODE, CONFIGURATION, CONVERSATION, CREATED_AT, CURSORS, CUSTOMER,
    DEADLINE, EXPIRES_AT, FROM, FROM_QUEUE, HANDOFF, ID, IDENTITY, JOINED, LANGUAGE, LAST_ACTIVITY_AT, MIN_PROFICIENCY,
    MISSED, NAME, NEXT_ACTION, NOW, OPTIONAL, OTHER, OWNER, PER_CHANNEL, PREFERRED_OWNERS, PRESENCE, PRESENCES,
    PRIORITY, QUEUE, REASON, REGION, REQUIRED_SKILLS, RULE, SKILL, SLA_DEADLINE, STEPS, STRATEGY, SUMMARY, TO, TOTAL,
    TRACE, TYPE, VERDICT, VIP;

    private final String fieldName = camelCase(name());
    private final char[] quoted = ('"' + fieldName + "\":").toCharArray();

    /** The name in lines. */
    String fieldName() {
        return fieldName;
    }

    /** The name quoted, with its colon, as lines write it; not to be written to. */
    char[] quoted() {
        return quoted;
    }

    /** Writes the field's name; its value comes next. */
    void writeName(JsonOut out) {
        out.name(this);
    }

    void text(JsonOut out, String value) {
        out.name(this);
        out.string(value);
    }

    void number(JsonOut out, int value) {
        out.name(this);
        out.number(value);
    }

    void bool(JsonOut out, boolean value) {
        out.name(this);
        out.bool(value);
    }

    /** Writes the field's name and opens its object. */
    void startObject(JsonOut out) {
        out.name(this);
        out.startObject();
    }

    /** Writes the field's name and opens its array. */
    void startArray(JsonOut out) {
        out.name(this);
        out.startArray();
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}

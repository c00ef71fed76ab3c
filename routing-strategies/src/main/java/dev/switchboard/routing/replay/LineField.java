package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Locale;

/**
 * The fields {@link LineEncoder} writes, each writing its name and a value to a generator. Each name is quoted once,
 * so the generator copies it into the line rather than checking each of its characters for escapes on every line.
 * The name is the constant's in camel case ({@code SLA_DEADLINE} is {@code slaDeadline}).
 */
enum LineField {
    ALREADY_SAID, AT, ATTRIBUTES, CAPACITY, CHANNEL, CODE, CONFIGURATION, CONVERSATION, CREATED_AT, CURSORS, CUSTOMER,
    DEADLINE, EXPIRES_AT, FROM, FROM_QUEUE, HANDOFF, ID, IDENTITY, JOINED, LANGUAGE, LAST_ACTIVITY_AT, MIN_PROFICIENCY,
    MISSED, NAME, NEXT_ACTION, NOW, OPTIONAL, OTHER, OWNER, PER_CHANNEL, PREFERRED_OWNERS, PRESENCE, PRESENCES,
    PRIORITY, QUEUE, REASON, REGION, REQUIRED_SKILLS, RULE, SKILL, SLA_DEADLINE, STEPS, STRATEGY, SUMMARY, TO, TOTAL,
    TRACE, TYPE, VERDICT, VIP;

    private final SerializableString quoted = new SerializedString(camelCase(name()));

    /** Writes the field's name; its value comes next. */
    void writeName(JsonGenerator out) throws IOException {
        out.writeFieldName(quoted);
    }

    void text(JsonGenerator out, String value) throws IOException {
        out.writeFieldName(quoted);
        LogJson.writeString(out, value);
    }

    void number(JsonGenerator out, int value) throws IOException {
        out.writeFieldName(quoted);
        out.writeNumber(value);
    }

    void bool(JsonGenerator out, boolean value) throws IOException {
        out.writeFieldName(quoted);
        out.writeBoolean(value);
    }

    /** Writes the field's name and opens its object. */
    void startObject(JsonGenerator out) throws IOException {
        out.writeFieldName(quoted);
        out.writeStartObject();
    }

    /** Writes the field's name and opens its array. */
    void startArray(JsonGenerator out) throws IOException {
        out.writeFieldName(quoted);
        out.writeStartArray();
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}

package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The fields {@link LineEncoder} writes, each name quoted once: the generator copies it into the line rather than
 * checking each of its characters for escapes on every line. The name is the constant's in camel case
 * ({@code SLA_DEADLINE} is {@code slaDeadline}).
 */
enum LineField {
    ALREADY_SAID, AT, ATTRIBUTES, CAPACITY, CHANNEL, CODE, CONFIGURATION, CONVERSATION, CREATED_AT, CURSORS, CUSTOMER,
    DEADLINE, EXPIRES_AT, FROM, HANDOFF, ID, IDENTITY, JOINED, LANGUAGE, LAST_ACTIVITY_AT, MIN_PROFICIENCY, MISSED,
    NAME, NEXT_ACTION, NOW, OPTIONAL, OTHER, OWNER, PER_CHANNEL, PREFERRED_OWNERS, PRESENCE, PRESENCES, PRIORITY,
    QUEUE, REASON, REGION, REQUIRED_SKILLS, RULE, SKILL, SLA_DEADLINE, STEPS, STRATEGY, SUMMARY, TO, TOTAL, TRACE,
    TYPE, VERDICT, VIP;

    /** The field's name, quoted. */
    final SerializableString quoted = new SerializedString(camelCase(name()));

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}

package dev.switchboard.routing.helpdesk;

import static dev.switchboard.routing.helpdesk.Fields.checked;
import static dev.switchboard.routing.helpdesk.Fields.oneOf;
import static dev.switchboard.routing.helpdesk.Fields.required;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import java.time.Instant;
import java.util.Map;

/**
 * The webhook's body: a new conversation. {@code id}, {@code customerId} and {@code channel} are required; the rest
 * default as in {@link Conversation#builder} (type {@code general}, priority {@code normal}, not VIP, no language,
 * skills or attributes).
 *
 * @param skills each required skill with the lowest proficiency that will do, such as {@code {"billing": 2}}
 */
record NewConversation(String id, String customerId, String channel, String type, String priority, Boolean vip,
        String language, Map<String, Integer> skills, Map<String, String> attributes) {

    /** The conversation, created at {@code now}. */
    Conversation toConversation(Instant now) {
        Conversation.Builder builder = checked("id", () -> Conversation.builder(required("id", id)));
        checked("customerId", () -> builder.customer(required("customerId", customerId)));
        checked("channel", () -> builder.channel(required("channel", channel)));
        if (type != null) {
            checked("type", () -> builder.type(type));
        }
        if (priority != null) {
            builder.priority(oneOf("priority", priority, Priority.class));
        }
        if (vip != null) {
            builder.vip(vip);
        }
        if (language != null) {
            checked("language", () -> builder.language(language));
        }
        if (skills != null) {
            skills.forEach((skill, level) -> checked("skills." + skill,
                    () -> builder.requires(skill, required("skills." + skill, level))));
        }
        if (attributes != null) {
            attributes.forEach((name, value) -> checked("attributes." + name,
                    () -> builder.attribute(name, required("attributes." + name, value))));
        }
        return builder.createdAt(now).build();
    }
}

package dev.switchboard.routing.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.WaitingConversation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A conversation as the JSON kept in its place's {@code data} field, and a waiting entry from its place's fields.
 * Decoding is a pure function of the JSON, and the same JSON comes back again and again (a drain walks a queue, a
 * release brings back what this instance routed), so the conversations last encoded or decoded are kept by their
 * JSON, and the JSON last written by the conversation it was written for (a conversation is queued, offered and
 * committed as the same instance): the JSON is lossless, and a conversation immutable. Each is a direct-mapped table
 * of {@value #SLOTS} slots, a slot holding its latest entry, so keeping costs one write, where a cache with an
 * eviction policy cost a third of a router's CPU on Redis; JSON longer than {@value #KEPT_LENGTH} characters is not
 * kept, which bounds the tables to a few megabytes. Slots are read and written without locks: an entry is an
 * immutable record, safely published by its final fields, and a slot overwritten meanwhile is only a miss.
 */
final class ConversationCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slots of each table, a power of two. */
    private static final int SLOTS = 2048;
    /** The longest JSON kept, in characters (attributes may be long). */
    private static final int KEPT_LENGTH = 4096;

    /** A conversation with its JSON. */
    private record Known(String data, Conversation conversation) {}

    /** By the JSON's hash. */
    private static final Known[] BY_DATA = new Known[SLOTS];
    /** By the conversation's identity. */
    private static final Known[] BY_CONVERSATION = new Known[SLOTS];

    private ConversationCodec() {}

    static String encode(Conversation conversation) {
        Known known = BY_CONVERSATION[slotOf(conversation)];
        if (known != null && known.conversation() == conversation) {
            return known.data();
        }
        String data = write(conversation);
        keep(new Known(data, conversation));
        return data;
    }

    private static int slotOf(Conversation conversation) {
        return System.identityHashCode(conversation) & (SLOTS - 1);
    }

    private static int slotOf(String data) {
        return data.hashCode() & (SLOTS - 1);
    }

    private static void keep(Known known) {
        if (known.data().length() <= KEPT_LENGTH) {
            BY_DATA[slotOf(known.data())] = known;
            BY_CONVERSATION[slotOf(known.conversation())] = known;
        }
    }

    private static String write(Conversation conversation) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", conversation.id());
            json.writeStringField("customer", conversation.customerId());
            json.writeStringField("channel", conversation.channel());
            json.writeStringField("type", conversation.type());
            json.writeStringField("priority", conversation.priority().name());
            json.writeBooleanField("vip", conversation.vip());
            json.writeStringField("language", conversation.language());
            json.writeStringField("region", conversation.region());
            json.writeStringField("createdAt", conversation.createdAt().toString());
            json.writeStringField("lastActivityAt", conversation.lastActivityAt().toString());
            json.writeArrayFieldStart("preferredOwners");
            for (String owner : conversation.preferredOwners()) {
                json.writeString(owner);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("skills");
            for (SkillRequirement skill : conversation.requiredSkills()) {
                json.writeStartObject();
                json.writeStringField("skill", skill.skill());
                json.writeNumberField("min", skill.minProficiency());
                json.writeBooleanField("optional", skill.optional());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> attribute : conversation.attributes().entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException("cannot write to memory", impossible);
        }
        return out.toString();
    }

    static Conversation decode(String data) {
        Known known = BY_DATA[slotOf(data)];
        if (known != null && known.data().equals(data)) {
            return known.conversation();
        }
        Conversation conversation = parse(data);
        keep(new Known(data, conversation));
        return conversation;
    }

    /** Decodes the JSON itself, whatever the cache holds. */
    static Conversation parse(String data) {
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversation in Redis is not valid JSON: " + data, e);
        }
        Conversation.Builder builder = Conversation.builder(node.path("id").asText())
                .customer(node.path("customer").asText())
                .channel(node.path("channel").asText())
                .type(node.path("type").asText())
                .priority(Priority.valueOf(node.path("priority").asText()))
                .vip(node.path("vip").asBoolean())
                .createdAt(Instant.parse(node.path("createdAt").asText()));
        if (node.has("lastActivityAt")) {
            builder.lastActivityAt(Instant.parse(node.path("lastActivityAt").asText()));
        }
        List<String> preferred = new ArrayList<>();
        node.path("preferredOwners").forEach(owner -> preferred.add(owner.asText()));
        builder.preferredOwners(preferred.toArray(String[]::new));
        if (!node.path("language").asText().isEmpty()) {
            builder.language(node.path("language").asText());
        }
        if (!node.path("region").asText().isEmpty()) {
            builder.region(node.path("region").asText());
        }
        node.path("skills").forEach(skill -> builder.require(new SkillRequirement(skill.path("skill").asText(),
                skill.path("min").asInt(), skill.path("optional").asBoolean())));
        node.path("attributes").properties().forEach(entry ->
                builder.attribute(entry.getKey(), entry.getValue().asText()));
        return builder.build();
    }

    /** A waiting entry from a script's reply: data, queue, reason, enqueued and SLA deadline (ISO instants). */
    static WaitingConversation waiting(List<?> reply) {
        return new WaitingConversation(decode((String) reply.get(0)), (String) reply.get(1), (String) reply.get(2),
                Instant.parse((String) reply.get(3)), Instant.parse((String) reply.get(4)));
    }
}

package dev.switchboard.routing.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * committed as the same instance), up to 2 M characters of JSON each: the JSON is lossless, and a conversation
 * immutable.
 */
final class ConversationCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much JSON each cache keeps, in characters: a weight rather than a count, as attributes may be long. */
    private static final long KEPT_CHARACTERS = 2 << 20;
    private static final Cache<String, Conversation> KNOWN = Caffeine.newBuilder().maximumWeight(KEPT_CHARACTERS)
            .<String, Conversation>weigher((data, conversation) -> data.length()).executor(Runnable::run).build();
    /** The JSON of the conversations last encoded, by identity (weak keys compare by identity). */
    private static final Cache<Conversation, String> WRITTEN = Caffeine.newBuilder().weakKeys()
            .maximumWeight(KEPT_CHARACTERS).<Conversation, String>weigher((conversation, data) -> data.length())
            .executor(Runnable::run).build();

    private ConversationCodec() {}

    static String encode(Conversation conversation) {
        return WRITTEN.get(conversation, written -> {
            String data = write(written);
            KNOWN.put(data, written);
            return data;
        });
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
        return KNOWN.get(data, ConversationCodec::parse);
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

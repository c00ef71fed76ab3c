package dev.switchboard.routing.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes events as the lines of schema {@value LogHeader#SCHEMA} (see docs/replay.md) straight to a
 * {@link JsonGenerator}, field by field: no tree, numbers and ids written as they are, instants formatted into a
 * buffer this encoder reuses. One encoder writes one line at a time. {@link LineDecoder} reads the lines back.
 */
final class LineEncoder {

    /** The lower-case, hyphenated names of each enum's constants, by ordinal. */
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return names;
        }
    };

    private final Function<RoutingPlan, Optional<RoutingConfig>> documents;
    private final char[] instant = new char[IsoInstant.MAX_LENGTH];

    /** An encoder that writes a plan replacement with the document {@code documents} gives for its plan. */
    LineEncoder(Function<RoutingPlan, Optional<RoutingConfig>> documents) {
        this.documents = documents;
    }

    /** An enum constant as lines write it: lower case, with hyphens. */
    static String name(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass())[value.ordinal()];
    }

    /** A part of a line, for the documents (state snapshots, diffs) that embed it in a tree. */
    interface Part {
        void writeTo(LineEncoder encoder, JsonGenerator out) throws IOException;
    }

    /** What {@code part} writes, as a tree. */
    static JsonNode tree(Part part) {
        try (TokenBuffer tokens = new TokenBuffer(LogJson.MAPPER, false)) {
            part.writeTo(new LineEncoder(plan -> Optional.empty()), tokens);
            return LogJson.MAPPER.readTree(tokens.asParser());
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
    }

    /** Writes the event's line, without its line terminator. */
    void write(JsonGenerator out, RoutingEvent event) throws IOException {
        out.writeStartObject();
        instant(out, "at", event.at());
        if (event instanceof RoutingEvent.Input input) {
            writeInput(out, input.input());
        } else {
            writeOutcome(out, event);
        }
        out.writeEndObject();
    }

    private void writeInput(JsonGenerator out, RouterInput input) throws IOException {
        if (input instanceof RouterInput.Roster roster) {
            type(out, "roster");
            out.writeObjectFieldStart("presences");
            for (Map.Entry<String, Presence> entry : sorted(roster.presences()).entrySet()) {
                out.writeStringField(entry.getKey(), name(entry.getValue()));
            }
            out.writeEndObject();
        } else if (input instanceof RouterInput.Route route) {
            type(out, "route");
            out.writeFieldName("conversation");
            conversation(out, route.conversation());
        } else if (input instanceof RouterInput.Release release) {
            type(out, "release");
            out.writeStringField("conversation", release.conversationId());
        } else if (input instanceof RouterInput.Transfer transfer) {
            type(out, "transfer");
            out.writeStringField("conversation", transfer.conversationId());
            out.writeStringField("to", transfer.toOwnerId());
            handoff(out, transfer.handoff());
        } else if (input instanceof RouterInput.Claim claim) {
            type(out, "claim");
            out.writeStringField("owner", claim.ownerId());
            out.writeStringField("conversation", claim.conversationId());
        } else if (input instanceof RouterInput.Accept accept) {
            type(out, "accept");
            out.writeStringField("owner", accept.ownerId());
            out.writeStringField("conversation", accept.conversationId());
        } else if (input instanceof RouterInput.Decline decline) {
            type(out, "decline");
            out.writeStringField("owner", decline.ownerId());
            out.writeStringField("conversation", decline.conversationId());
            out.writeStringField("reason", decline.reason());
        } else if (input instanceof RouterInput.Acknowledge acknowledge) {
            type(out, "acknowledge");
            out.writeStringField("conversation", acknowledge.conversationId());
        } else if (input instanceof RouterInput.Link link) {
            type(out, "link");
            out.writeStringField("identity", link.identity());
            out.writeStringField("other", link.otherIdentity());
        } else if (input instanceof RouterInput.ReplacePlan replace) {
            type(out, "replace-plan");
            Optional<RoutingConfig> document = documents.apply(replace.plan());
            if (document.isPresent()) {
                out.writeFieldName("configuration");
                out.writeTree(LogHeader.document(document.get()));
            }
        } else if (input instanceof RouterInput.SetPresence presence) {
            type(out, "set-presence");
            out.writeStringField("owner", presence.ownerId());
            out.writeStringField("presence", name(presence.presence()));
        } else if (input instanceof RouterInput.SetCapacity capacity) {
            type(out, "set-capacity");
            out.writeStringField("owner", capacity.ownerId());
            out.writeFieldName("capacity");
            capacity(out, capacity.capacity());
        } else if (input instanceof RouterInput.AddOwner add) {
            type(out, "add-owner");
            out.writeStringField("owner", add.owner().id());
            out.writeStringField("presence", name(add.presence()));
        } else if (input instanceof RouterInput.RemoveOwner remove) {
            type(out, "remove-owner");
            out.writeStringField("owner", remove.ownerId());
        } else {
            type(out, "tick");
        }
    }

    private void writeOutcome(JsonGenerator out, RoutingEvent event) throws IOException {
        if (event instanceof RoutingEvent.Assigned assigned) {
            start(out, "assigned", assigned.conversation());
            out.writeStringField("owner", assigned.ownerId());
            out.writeStringField("strategy", assigned.strategy());
            out.writeFieldName("trace");
            trace(out, assigned.trace());
        } else if (event instanceof RoutingEvent.Queued queued) {
            start(out, "queued", queued.conversation());
            out.writeStringField("queue", queued.queue());
            out.writeStringField("reason", queued.reason());
            instant(out, "slaDeadline", queued.slaDeadline());
            out.writeFieldName("trace");
            trace(out, queued.trace());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            start(out, "rejected", rejected.conversation());
            out.writeStringField("reason", rejected.reason());
            out.writeFieldName("trace");
            trace(out, rejected.trace());
        } else if (event instanceof RoutingEvent.Offered offered) {
            start(out, "offered", offered.conversation());
            out.writeStringField("owner", offered.ownerId());
            out.writeStringField("strategy", offered.strategy());
            instant(out, "expiresAt", offered.expiresAt());
            out.writeFieldName("trace");
            trace(out, offered.trace());
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            start(out, "offer-declined", declined.conversation());
            out.writeStringField("owner", declined.ownerId());
            out.writeStringField("reason", declined.reason());
        } else if (event instanceof RoutingEvent.OfferExpired expired) {
            start(out, "offer-expired", expired.conversation());
            out.writeStringField("owner", expired.ownerId());
            instant(out, "expiresAt", expired.expiresAt());
        } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            start(out, "offer-withdrawn", withdrawn.conversation());
            out.writeStringField("owner", withdrawn.ownerId());
            out.writeStringField("reason", withdrawn.reason());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            start(out, "transferred", transferred.conversation());
            out.writeStringField("from", transferred.fromOwnerId());
            out.writeStringField("to", transferred.toOwnerId());
            handoff(out, transferred.handoff());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            start(out, "rerouted", rerouted.conversation());
            out.writeStringField("from", rerouted.fromOwnerId());
            out.writeStringField("reason", rerouted.reason());
        } else if (event instanceof RoutingEvent.Overflowed overflowed) {
            start(out, "overflowed", overflowed.conversation());
            out.writeStringField("from", overflowed.fromRule());
            out.writeStringField("to", overflowed.to());
            out.writeStringField("reason", overflowed.reason());
            out.writeFieldName("now");
            conversation(out, overflowed.conversation());
        } else if (event instanceof RoutingEvent.Joined joined) {
            start(out, "joined", joined.conversation());
            out.writeStringField("joined", joined.joinedConversationId());
            out.writeStringField("from", joined.from());
        } else if (event instanceof RoutingEvent.Released released) {
            start(out, "released", released.conversation());
            out.writeStringField("from", released.from());
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            start(out, "response-deadline-missed", missed.conversation());
            out.writeStringField("owner", missed.ownerId());
            instant(out, "deadline", missed.deadline());
            out.writeNumberField("missed", missed.missed());
        } else if (event instanceof RoutingEvent.SlaBreached breached) {
            start(out, "sla-breached", breached.conversation());
            out.writeStringField("queue", breached.queue());
            instant(out, "slaDeadline", breached.slaDeadline());
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            type(out, "presence-changed");
            out.writeStringField("owner", changed.ownerId());
            out.writeStringField("from", name(changed.from()));
            out.writeStringField("to", name(changed.to()));
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            type(out, "capacity-changed");
            out.writeStringField("owner", changed.ownerId());
            out.writeFieldName("from");
            capacity(out, changed.from());
            out.writeFieldName("to");
            capacity(out, changed.to());
        } else if (event instanceof RoutingEvent.OwnerJoined joined) {
            type(out, "owner-joined");
            out.writeStringField("owner", joined.owner().id());
            out.writeStringField("presence", name(joined.presence()));
        } else {
            type(out, "owner-left");
            out.writeStringField("owner", ((RoutingEvent.OwnerLeft) event).ownerId());
        }
    }

    private static void type(JsonGenerator out, String type) throws IOException {
        out.writeStringField("type", type);
    }

    /** The type of an event about a conversation, and the conversation's id. */
    private static void start(JsonGenerator out, String type, Conversation conversation) throws IOException {
        type(out, type);
        out.writeStringField("conversation", conversation.id());
    }

    /** A conversation as lines (and state snapshots) write it. */
    void conversation(JsonGenerator out, Conversation conversation) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", conversation.id());
        out.writeStringField("customer", conversation.customerId());
        out.writeStringField("channel", conversation.channel());
        out.writeStringField("type", conversation.type());
        out.writeStringField("priority", name(conversation.priority()));
        out.writeBooleanField("vip", conversation.vip());
        out.writeStringField("language", conversation.language());
        out.writeStringField("region", conversation.region());
        out.writeArrayFieldStart("requiredSkills");
        List<SkillRequirement> skills = conversation.requiredSkills();
        for (int i = 0; i < skills.size(); i++) { // by index, here and below: no iterator per line
            SkillRequirement skill = skills.get(i);
            out.writeStartObject();
            out.writeStringField("skill", skill.skill());
            out.writeNumberField("minProficiency", skill.minProficiency());
            out.writeBooleanField("optional", skill.optional());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> entry : sorted(conversation.attributes()).entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        out.writeArrayFieldStart("preferredOwners");
        List<String> preferred = conversation.preferredOwners();
        for (int i = 0; i < preferred.size(); i++) {
            out.writeString(preferred.get(i));
        }
        out.writeEndArray();
        instant(out, "createdAt", conversation.createdAt());
        instant(out, "lastActivityAt", conversation.lastActivityAt());
        out.writeEndObject();
    }

    private static void handoff(JsonGenerator out, Handoff handoff) throws IOException {
        out.writeObjectFieldStart("handoff");
        out.writeStringField("summary", handoff.summary());
        out.writeStringField("alreadySaid", handoff.alreadySaid());
        out.writeStringField("nextAction", handoff.nextAction());
        out.writeEndObject();
    }

    /** A capacity as lines (and state snapshots) write it. */
    void capacity(JsonGenerator out, Capacity capacity) throws IOException {
        out.writeStartObject();
        out.writeNumberField("total", capacity.total());
        out.writeObjectFieldStart("perChannel");
        for (Map.Entry<String, Integer> entry : sorted(capacity.perChannel()).entrySet()) {
            out.writeNumberField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    /** A trace as lines (and diffs) write it. */
    void trace(JsonGenerator out, Trace trace) throws IOException {
        out.writeStartObject();
        if (trace.rule().isPresent()) {
            Trace.RuleMatch rule = trace.rule().get();
            out.writeObjectFieldStart("rule");
            out.writeStringField("name", rule.name());
            out.writeStringField("reason", rule.reason());
            out.writeEndObject();
        }
        out.writeArrayFieldStart("steps");
        List<Trace.Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Trace.Step step = steps.get(i);
            out.writeStartObject();
            out.writeStringField("strategy", step.strategy());
            Verdict verdict = step.verdict();
            if (verdict instanceof Verdict.Assign assign) {
                out.writeStringField("verdict", "assign");
                out.writeStringField("owner", assign.ownerId());
                out.writeStringField("reason", assign.reason());
                out.writeObjectFieldStart("cursors");
                for (Map.Entry<String, Long> entry : sorted(assign.cursors()).entrySet()) {
                    out.writeNumberField(entry.getKey(), entry.getValue());
                }
                out.writeEndObject();
            } else if (verdict instanceof Verdict.Enqueue enqueue) {
                out.writeStringField("verdict", "enqueue");
                out.writeStringField("queue", enqueue.queue());
                out.writeStringField("reason", enqueue.reason());
            } else if (verdict instanceof Verdict.Hold hold) {
                out.writeStringField("verdict", "hold");
                out.writeStringField("reason", hold.reason());
            } else if (verdict instanceof Verdict.Reject reject) {
                out.writeStringField("verdict", "reject");
                out.writeStringField("reason", reject.reason());
            } else {
                Verdict.Pass pass = (Verdict.Pass) verdict;
                out.writeStringField("verdict", "pass");
                out.writeStringField("code", name(pass.code()));
                out.writeStringField("reason", pass.reason());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** An instant, in ISO-8601 as {@link Instant#toString()} writes it. */
    private void instant(JsonGenerator out, String field, Instant at) throws IOException {
        out.writeFieldName(field);
        int length = IsoInstant.format(at, instant);
        if (length < 0) {
            out.writeString(at.toString());
        } else {
            out.writeString(instant, 0, length);
        }
    }

    /** The map with its keys in order: itself when that order is trivial, as it mostly is (no entry or one). */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map.size() < 2 ? map : new TreeMap<>(map);
    }
}

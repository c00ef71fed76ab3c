package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineField.*;

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
    /** The last instant written, as {@link IsoInstant} formatted it, and its length (-1: not in its years). */
    private final char[] instant = new char[IsoInstant.MAX_LENGTH];
    private Instant lastInstant;
    private int instantLength;

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
        instant(out, AT, event.at());
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
            startObject(out, PRESENCES);
            for (Map.Entry<String, Presence> entry : sorted(roster.presences()).entrySet()) {
                out.writeStringField(entry.getKey(), name(entry.getValue()));
            }
            out.writeEndObject();
        } else if (input instanceof RouterInput.Route route) {
            type(out, "route");
            field(out, CONVERSATION);
            conversation(out, route.conversation());
        } else if (input instanceof RouterInput.Release release) {
            type(out, "release");
            text(out, CONVERSATION, release.conversationId());
        } else if (input instanceof RouterInput.Transfer transfer) {
            type(out, "transfer");
            text(out, CONVERSATION, transfer.conversationId());
            text(out, TO, transfer.toOwnerId());
            handoff(out, transfer.handoff());
        } else if (input instanceof RouterInput.Claim claim) {
            type(out, "claim");
            text(out, OWNER, claim.ownerId());
            text(out, CONVERSATION, claim.conversationId());
        } else if (input instanceof RouterInput.Accept accept) {
            type(out, "accept");
            text(out, OWNER, accept.ownerId());
            text(out, CONVERSATION, accept.conversationId());
        } else if (input instanceof RouterInput.Decline decline) {
            type(out, "decline");
            text(out, OWNER, decline.ownerId());
            text(out, CONVERSATION, decline.conversationId());
            text(out, REASON, decline.reason());
        } else if (input instanceof RouterInput.Acknowledge acknowledge) {
            type(out, "acknowledge");
            text(out, CONVERSATION, acknowledge.conversationId());
        } else if (input instanceof RouterInput.Link link) {
            type(out, "link");
            text(out, IDENTITY, link.identity());
            text(out, OTHER, link.otherIdentity());
        } else if (input instanceof RouterInput.ReplacePlan replace) {
            type(out, "replace-plan");
            Optional<RoutingConfig> document = documents.apply(replace.plan());
            if (document.isPresent()) {
                field(out, CONFIGURATION);
                out.writeTree(LogHeader.document(document.get()));
            }
        } else if (input instanceof RouterInput.SetPresence presence) {
            type(out, "set-presence");
            text(out, OWNER, presence.ownerId());
            text(out, PRESENCE, name(presence.presence()));
        } else if (input instanceof RouterInput.SetCapacity capacity) {
            type(out, "set-capacity");
            text(out, OWNER, capacity.ownerId());
            field(out, CAPACITY);
            capacity(out, capacity.capacity());
        } else if (input instanceof RouterInput.AddOwner add) {
            type(out, "add-owner");
            text(out, OWNER, add.owner().id());
            text(out, PRESENCE, name(add.presence()));
        } else if (input instanceof RouterInput.RemoveOwner remove) {
            type(out, "remove-owner");
            text(out, OWNER, remove.ownerId());
        } else {
            type(out, "tick");
        }
    }

    private void writeOutcome(JsonGenerator out, RoutingEvent event) throws IOException {
        if (event instanceof RoutingEvent.Assigned assigned) {
            start(out, "assigned", assigned.conversation());
            text(out, OWNER, assigned.ownerId());
            text(out, STRATEGY, assigned.strategy());
            field(out, TRACE);
            trace(out, assigned.trace());
        } else if (event instanceof RoutingEvent.Queued queued) {
            start(out, "queued", queued.conversation());
            text(out, QUEUE, queued.queue());
            text(out, REASON, queued.reason());
            instant(out, SLA_DEADLINE, queued.slaDeadline());
            field(out, TRACE);
            trace(out, queued.trace());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            start(out, "rejected", rejected.conversation());
            text(out, REASON, rejected.reason());
            field(out, TRACE);
            trace(out, rejected.trace());
        } else if (event instanceof RoutingEvent.Offered offered) {
            start(out, "offered", offered.conversation());
            text(out, OWNER, offered.ownerId());
            text(out, STRATEGY, offered.strategy());
            instant(out, EXPIRES_AT, offered.expiresAt());
            field(out, TRACE);
            trace(out, offered.trace());
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            start(out, "offer-declined", declined.conversation());
            text(out, OWNER, declined.ownerId());
            text(out, REASON, declined.reason());
        } else if (event instanceof RoutingEvent.OfferExpired expired) {
            start(out, "offer-expired", expired.conversation());
            text(out, OWNER, expired.ownerId());
            instant(out, EXPIRES_AT, expired.expiresAt());
        } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            start(out, "offer-withdrawn", withdrawn.conversation());
            text(out, OWNER, withdrawn.ownerId());
            text(out, REASON, withdrawn.reason());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            start(out, "transferred", transferred.conversation());
            text(out, FROM, transferred.fromOwnerId());
            text(out, TO, transferred.toOwnerId());
            handoff(out, transferred.handoff());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            start(out, "rerouted", rerouted.conversation());
            text(out, FROM, rerouted.fromOwnerId());
            text(out, REASON, rerouted.reason());
        } else if (event instanceof RoutingEvent.Overflowed overflowed) {
            start(out, "overflowed", overflowed.conversation());
            text(out, FROM, overflowed.fromRule());
            text(out, TO, overflowed.to());
            text(out, REASON, overflowed.reason());
            field(out, NOW);
            conversation(out, overflowed.conversation());
        } else if (event instanceof RoutingEvent.Joined joined) {
            start(out, "joined", joined.conversation());
            text(out, JOINED, joined.joinedConversationId());
            text(out, FROM, joined.from());
        } else if (event instanceof RoutingEvent.Released released) {
            start(out, "released", released.conversation());
            text(out, FROM, released.from());
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            start(out, "response-deadline-missed", missed.conversation());
            text(out, OWNER, missed.ownerId());
            instant(out, DEADLINE, missed.deadline());
            number(out, MISSED, missed.missed());
        } else if (event instanceof RoutingEvent.SlaBreached breached) {
            start(out, "sla-breached", breached.conversation());
            text(out, QUEUE, breached.queue());
            instant(out, SLA_DEADLINE, breached.slaDeadline());
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            type(out, "presence-changed");
            text(out, OWNER, changed.ownerId());
            text(out, FROM, name(changed.from()));
            text(out, TO, name(changed.to()));
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            type(out, "capacity-changed");
            text(out, OWNER, changed.ownerId());
            field(out, FROM);
            capacity(out, changed.from());
            field(out, TO);
            capacity(out, changed.to());
        } else if (event instanceof RoutingEvent.OwnerJoined joined) {
            type(out, "owner-joined");
            text(out, OWNER, joined.owner().id());
            text(out, PRESENCE, name(joined.presence()));
        } else {
            type(out, "owner-left");
            text(out, OWNER, ((RoutingEvent.OwnerLeft) event).ownerId());
        }
    }

    private static void type(JsonGenerator out, String type) throws IOException {
        text(out, TYPE, type);
    }

    private static void field(JsonGenerator out, LineField field) throws IOException {
        out.writeFieldName(field.quoted);
    }

    private static void text(JsonGenerator out, LineField field, String value) throws IOException {
        out.writeFieldName(field.quoted);
        out.writeString(value);
    }

    private static void number(JsonGenerator out, LineField field, int value) throws IOException {
        out.writeFieldName(field.quoted);
        out.writeNumber(value);
    }

    private static void bool(JsonGenerator out, LineField field, boolean value) throws IOException {
        out.writeFieldName(field.quoted);
        out.writeBoolean(value);
    }

    private static void startObject(JsonGenerator out, LineField field) throws IOException {
        out.writeFieldName(field.quoted);
        out.writeStartObject();
    }

    private static void startArray(JsonGenerator out, LineField field) throws IOException {
        out.writeFieldName(field.quoted);
        out.writeStartArray();
    }

    /** The type of an event about a conversation, and the conversation's id. */
    private static void start(JsonGenerator out, String type, Conversation conversation) throws IOException {
        type(out, type);
        text(out, CONVERSATION, conversation.id());
    }

    /** A conversation as lines (and state snapshots) write it. */
    void conversation(JsonGenerator out, Conversation conversation) throws IOException {
        out.writeStartObject();
        text(out, ID, conversation.id());
        text(out, CUSTOMER, conversation.customerId());
        text(out, CHANNEL, conversation.channel());
        text(out, TYPE, conversation.type());
        text(out, PRIORITY, name(conversation.priority()));
        bool(out, VIP, conversation.vip());
        text(out, LANGUAGE, conversation.language());
        text(out, REGION, conversation.region());
        startArray(out, REQUIRED_SKILLS);
        List<SkillRequirement> skills = conversation.requiredSkills();
        for (int i = 0; i < skills.size(); i++) { // by index, here and below: no iterator per line
            SkillRequirement skill = skills.get(i);
            out.writeStartObject();
            text(out, SKILL, skill.skill());
            number(out, MIN_PROFICIENCY, skill.minProficiency());
            bool(out, OPTIONAL, skill.optional());
            out.writeEndObject();
        }
        out.writeEndArray();
        startObject(out, ATTRIBUTES);
        for (Map.Entry<String, String> entry : sorted(conversation.attributes()).entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        startArray(out, PREFERRED_OWNERS);
        List<String> preferred = conversation.preferredOwners();
        for (int i = 0; i < preferred.size(); i++) {
            out.writeString(preferred.get(i));
        }
        out.writeEndArray();
        instant(out, CREATED_AT, conversation.createdAt());
        instant(out, LAST_ACTIVITY_AT, conversation.lastActivityAt());
        out.writeEndObject();
    }

    private static void handoff(JsonGenerator out, Handoff handoff) throws IOException {
        startObject(out, HANDOFF);
        text(out, SUMMARY, handoff.summary());
        text(out, ALREADY_SAID, handoff.alreadySaid());
        text(out, NEXT_ACTION, handoff.nextAction());
        out.writeEndObject();
    }

    /** A capacity as lines (and state snapshots) write it. */
    void capacity(JsonGenerator out, Capacity capacity) throws IOException {
        out.writeStartObject();
        number(out, TOTAL, capacity.total());
        startObject(out, PER_CHANNEL);
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
            startObject(out, RULE);
            text(out, NAME, rule.name());
            text(out, REASON, rule.reason());
            out.writeEndObject();
        }
        startArray(out, STEPS);
        List<Trace.Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Trace.Step step = steps.get(i);
            out.writeStartObject();
            text(out, STRATEGY, step.strategy());
            Verdict verdict = step.verdict();
            if (verdict instanceof Verdict.Assign assign) {
                text(out, VERDICT, "assign");
                text(out, OWNER, assign.ownerId());
                text(out, REASON, assign.reason());
                startObject(out, CURSORS);
                for (Map.Entry<String, Long> entry : sorted(assign.cursors()).entrySet()) {
                    out.writeNumberField(entry.getKey(), entry.getValue());
                }
                out.writeEndObject();
            } else if (verdict instanceof Verdict.Enqueue enqueue) {
                text(out, VERDICT, "enqueue");
                text(out, QUEUE, enqueue.queue());
                text(out, REASON, enqueue.reason());
            } else if (verdict instanceof Verdict.Hold hold) {
                text(out, VERDICT, "hold");
                text(out, REASON, hold.reason());
            } else if (verdict instanceof Verdict.Reject reject) {
                text(out, VERDICT, "reject");
                text(out, REASON, reject.reason());
            } else {
                Verdict.Pass pass = (Verdict.Pass) verdict;
                text(out, VERDICT, "pass");
                text(out, CODE, name(pass.code()));
                text(out, REASON, pass.reason());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * An instant, in ISO-8601 as {@link Instant#toString()} writes it, formatted again only when it differs from the
     * last one written (the lines of one call mostly share their instant).
     */
    private void instant(JsonGenerator out, LineField field, Instant at) throws IOException {
        out.writeFieldName(field.quoted);
        if (!at.equals(lastInstant)) {
            instantLength = IsoInstant.format(at, instant);
            lastInstant = at;
        }
        if (instantLength < 0) {
            out.writeString(at.toString());
        } else {
            out.writeString(instant, 0, instantLength);
        }
    }

    /** The map with its keys in order: itself when that order is trivial, as it mostly is (no entry or one). */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map.size() < 2 ? map : new TreeMap<>(map);
    }
}

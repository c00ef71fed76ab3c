package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineField.*;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes events as the lines of schema {@value LogHeader#SCHEMA} (see docs/replay.md) straight to a
 * {@link JsonOut} (a {@link LineWriter}), field by field: no tree, numbers and ids written as they are, field names quoted once
 * ({@link LineField}), and the last instant kept formatted in a buffer this encoder reuses. One encoder writes one
 * line at a time. {@link LineDecoder} reads the lines back.
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
        void writeTo(LineEncoder encoder, JsonOut out);
    }

    /** What {@code part} writes, as a tree. */
    static JsonNode tree(Part part) {
        TreeOut out = new TreeOut();
        part.writeTo(new LineEncoder(plan -> Optional.empty()), out);
        return out.tree();
    }

    /** Writes the event's line, without its line terminator. */
    void write(JsonOut out, RoutingEvent event) {
        out.startObject();
        instant(out, AT, event.at());
        if (event instanceof RoutingEvent.Input input) {
            writeInput(out, input.input());
        } else {
            writeOutcome(out, event);
        }
        out.endObject();
    }

    private void writeInput(JsonOut out, RouterInput input) {
        if (input instanceof RouterInput.Roster roster) {
            type(out, "roster");
            PRESENCES.startObject(out);
            for (Map.Entry<String, Presence> entry : sorted(roster.presences()).entrySet()) {
                out.key(entry.getKey());
                out.string(name(entry.getValue()));
            }
            out.endObject();
        } else if (input instanceof RouterInput.Route route) {
            type(out, "route");
            CONVERSATION.writeName(out);
            conversation(out, route.conversation());
        } else if (input instanceof RouterInput.Release release) {
            type(out, "release");
            CONVERSATION.text(out, release.conversationId());
        } else if (input instanceof RouterInput.Transfer transfer) {
            type(out, "transfer");
            CONVERSATION.text(out, transfer.conversationId());
            TO.text(out, transfer.toOwnerId());
            handoff(out, transfer.handoff());
        } else if (input instanceof RouterInput.Claim claim) {
            type(out, "claim");
            OWNER.text(out, claim.ownerId());
            CONVERSATION.text(out, claim.conversationId());
        } else if (input instanceof RouterInput.Accept accept) {
            type(out, "accept");
            OWNER.text(out, accept.ownerId());
            CONVERSATION.text(out, accept.conversationId());
        } else if (input instanceof RouterInput.Decline decline) {
            type(out, "decline");
            OWNER.text(out, decline.ownerId());
            CONVERSATION.text(out, decline.conversationId());
            REASON.text(out, decline.reason());
        } else if (input instanceof RouterInput.Acknowledge acknowledge) {
            type(out, "acknowledge");
            CONVERSATION.text(out, acknowledge.conversationId());
        } else if (input instanceof RouterInput.Link link) {
            type(out, "link");
            IDENTITY.text(out, link.identity());
            OTHER.text(out, link.otherIdentity());
        } else if (input instanceof RouterInput.ReplacePlan replace) {
            type(out, "replace-plan");
            Optional<RoutingConfig> document = documents.apply(replace.plan());
            if (document.isPresent()) {
                CONFIGURATION.writeName(out);
                out.tree(LogHeader.document(document.get()));
            }
        } else if (input instanceof RouterInput.SetPresence presence) {
            type(out, "set-presence");
            OWNER.text(out, presence.ownerId());
            PRESENCE.text(out, name(presence.presence()));
        } else if (input instanceof RouterInput.SetCapacity capacity) {
            type(out, "set-capacity");
            OWNER.text(out, capacity.ownerId());
            CAPACITY.writeName(out);
            capacity(out, capacity.capacity());
        } else if (input instanceof RouterInput.AddOwner add) {
            type(out, "add-owner");
            OWNER.text(out, add.owner().id());
            PRESENCE.text(out, name(add.presence()));
        } else if (input instanceof RouterInput.RemoveOwner remove) {
            type(out, "remove-owner");
            OWNER.text(out, remove.ownerId());
        } else {
            type(out, "tick");
        }
    }

    private void writeOutcome(JsonOut out, RoutingEvent event) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            start(out, "assigned", assigned.conversation());
            OWNER.text(out, assigned.ownerId());
            STRATEGY.text(out, assigned.strategy());
            TRACE.writeName(out);
            trace(out, assigned.trace());
        } else if (event instanceof RoutingEvent.Queued queued) {
            start(out, "queued", queued.conversation());
            QUEUE.text(out, queued.queue());
            REASON.text(out, queued.reason());
            instant(out, SLA_DEADLINE, queued.slaDeadline());
            TRACE.writeName(out);
            trace(out, queued.trace());
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            start(out, "rejected", rejected.conversation());
            REASON.text(out, rejected.reason());
            TRACE.writeName(out);
            trace(out, rejected.trace());
        } else if (event instanceof RoutingEvent.Offered offered) {
            start(out, "offered", offered.conversation());
            OWNER.text(out, offered.ownerId());
            STRATEGY.text(out, offered.strategy());
            instant(out, EXPIRES_AT, offered.expiresAt());
            TRACE.writeName(out);
            trace(out, offered.trace());
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            start(out, "offer-declined", declined.conversation());
            OWNER.text(out, declined.ownerId());
            REASON.text(out, declined.reason());
        } else if (event instanceof RoutingEvent.OfferExpired expired) {
            start(out, "offer-expired", expired.conversation());
            OWNER.text(out, expired.ownerId());
            instant(out, EXPIRES_AT, expired.expiresAt());
        } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            start(out, "offer-withdrawn", withdrawn.conversation());
            OWNER.text(out, withdrawn.ownerId());
            REASON.text(out, withdrawn.reason());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            start(out, "transferred", transferred.conversation());
            FROM.text(out, transferred.fromOwnerId());
            TO.text(out, transferred.toOwnerId());
            handoff(out, transferred.handoff());
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            start(out, "rerouted", rerouted.conversation());
            FROM.text(out, rerouted.fromOwnerId());
            REASON.text(out, rerouted.reason());
        } else if (event instanceof RoutingEvent.Overflowed overflowed) {
            start(out, "overflowed", overflowed.conversation());
            FROM.text(out, overflowed.fromRule());
            FROM_QUEUE.text(out, overflowed.fromQueue());
            TO.text(out, overflowed.to());
            REASON.text(out, overflowed.reason());
            NOW.writeName(out);
            conversation(out, overflowed.conversation());
        } else if (event instanceof RoutingEvent.Joined joined) {
            start(out, "joined", joined.conversation());
            JOINED.text(out, joined.joinedConversationId());
            FROM.text(out, joined.from());
        } else if (event instanceof RoutingEvent.Released released) {
            start(out, "released", released.conversation());
            FROM.text(out, released.from());
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            start(out, "response-deadline-missed", missed.conversation());
            OWNER.text(out, missed.ownerId());
            instant(out, DEADLINE, missed.deadline());
            MISSED.number(out, missed.missed());
        } else if (event instanceof RoutingEvent.SlaBreached breached) {
            start(out, "sla-breached", breached.conversation());
            QUEUE.text(out, breached.queue());
            instant(out, SLA_DEADLINE, breached.slaDeadline());
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            type(out, "presence-changed");
            OWNER.text(out, changed.ownerId());
            FROM.text(out, name(changed.from()));
            TO.text(out, name(changed.to()));
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            type(out, "capacity-changed");
            OWNER.text(out, changed.ownerId());
            FROM.writeName(out);
            capacity(out, changed.from());
            TO.writeName(out);
            capacity(out, changed.to());
        } else if (event instanceof RoutingEvent.OwnerJoined joined) {
            type(out, "owner-joined");
            OWNER.text(out, joined.owner().id());
            PRESENCE.text(out, name(joined.presence()));
        } else {
            type(out, "owner-left");
            OWNER.text(out, ((RoutingEvent.OwnerLeft) event).ownerId());
        }
    }

    private static void type(JsonOut out, String type) {
        TYPE.text(out, type);
    }

    /** The type of an event about a conversation, and the conversation's id. */
    private static void start(JsonOut out, String type, Conversation conversation) {
        type(out, type);
        CONVERSATION.text(out, conversation.id());
    }

    /** A conversation as lines (and state snapshots) write it. */
    void conversation(JsonOut out, Conversation conversation) {
        out.startObject();
        ID.text(out, conversation.id());
        CUSTOMER.text(out, conversation.customerId());
        CHANNEL.text(out, conversation.channel());
        TYPE.text(out, conversation.type());
        PRIORITY.text(out, name(conversation.priority()));
        VIP.bool(out, conversation.vip());
        LANGUAGE.text(out, conversation.language());
        REGION.text(out, conversation.region());
        REQUIRED_SKILLS.startArray(out);
        List<SkillRequirement> skills = conversation.requiredSkills();
        for (int i = 0; i < skills.size(); i++) { // by index, here and below: no iterator per line
            SkillRequirement skill = skills.get(i);
            out.startObject();
            SKILL.text(out, skill.skill());
            MIN_PROFICIENCY.number(out, skill.minProficiency());
            OPTIONAL.bool(out, skill.optional());
            out.endObject();
        }
        out.endArray();
        ATTRIBUTES.startObject(out);
        for (Map.Entry<String, String> entry : sorted(conversation.attributes()).entrySet()) {
            out.key(entry.getKey());
            out.string(entry.getValue());
        }
        out.endObject();
        PREFERRED_OWNERS.startArray(out);
        List<String> preferred = conversation.preferredOwners();
        for (int i = 0; i < preferred.size(); i++) {
            out.string(preferred.get(i));
        }
        out.endArray();
        instant(out, CREATED_AT, conversation.createdAt());
        instant(out, LAST_ACTIVITY_AT, conversation.lastActivityAt());
        out.endObject();
    }

    private static void handoff(JsonOut out, Handoff handoff) {
        HANDOFF.startObject(out);
        SUMMARY.text(out, handoff.summary());
        ALREADY_SAID.text(out, handoff.alreadySaid());
        NEXT_ACTION.text(out, handoff.nextAction());
        out.endObject();
    }

    /** A capacity as lines (and state snapshots) write it. */
    void capacity(JsonOut out, Capacity capacity) {
        out.startObject();
        TOTAL.number(out, capacity.total());
        PER_CHANNEL.startObject(out);
        for (Map.Entry<String, Integer> entry : sorted(capacity.perChannel()).entrySet()) {
            out.key(entry.getKey());
            out.number(entry.getValue());
        }
        out.endObject();
        out.endObject();
    }

    /** A trace as lines (and diffs) write it. */
    void trace(JsonOut out, Trace trace) {
        out.startObject();
        if (trace.rule().isPresent()) {
            Trace.RuleMatch rule = trace.rule().get();
            RULE.startObject(out);
            NAME.text(out, rule.name());
            REASON.text(out, rule.reason());
            out.endObject();
        }
        STEPS.startArray(out);
        List<Trace.Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Trace.Step step = steps.get(i);
            out.startObject();
            STRATEGY.text(out, step.strategy());
            Verdict verdict = step.verdict();
            if (verdict instanceof Verdict.Assign assign) {
                VERDICT.text(out, "assign");
                OWNER.text(out, assign.ownerId());
                REASON.text(out, assign.reason());
                CURSORS.startObject(out);
                for (Map.Entry<String, Long> entry : sorted(assign.cursors()).entrySet()) {
                    out.key(entry.getKey());
            out.number(entry.getValue());
                }
                out.endObject();
            } else if (verdict instanceof Verdict.Enqueue enqueue) {
                VERDICT.text(out, "enqueue");
                QUEUE.text(out, enqueue.queue());
                REASON.text(out, enqueue.reason());
            } else if (verdict instanceof Verdict.Hold hold) {
                VERDICT.text(out, "hold");
                REASON.text(out, hold.reason());
            } else if (verdict instanceof Verdict.Reject reject) {
                VERDICT.text(out, "reject");
                REASON.text(out, reject.reason());
            } else {
                Verdict.Pass pass = (Verdict.Pass) verdict;
                VERDICT.text(out, "pass");
                CODE.text(out, name(pass.code()));
                REASON.text(out, pass.reason());
            }
            out.endObject();
        }
        out.endArray();
        out.endObject();
    }

    /**
     * An instant, in ISO-8601 as {@link Instant#toString()} writes it, formatted again only when it differs from the
     * last one written (the lines of one call mostly share their instant).
     */
    private void instant(JsonOut out, LineField field, Instant at) {
        field.writeName(out);
        if (!at.equals(lastInstant)) {
            instantLength = IsoInstant.format(at, instant);
            lastInstant = at;
        }
        if (instantLength < 0) {
            out.string(at.toString());
        } else {
            out.plainString(instant, 0, instantLength);
        }
    }

    /** The map with its keys in order: itself when that order is trivial, as it mostly is (no entry or one). */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map.size() < 2 ? map : new TreeMap<>(map);
    }
}

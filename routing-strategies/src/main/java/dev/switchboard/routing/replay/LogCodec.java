package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineFields.array;
import static dev.switchboard.routing.replay.LineFields.bool;
import static dev.switchboard.routing.replay.LineFields.enumOf;
import static dev.switchboard.routing.replay.LineFields.instant;
import static dev.switchboard.routing.replay.LineFields.integer;
import static dev.switchboard.routing.replay.LineFields.object;
import static dev.switchboard.routing.replay.LineFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Handoff;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.SkillRequirement;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns events into the lines of schema {@value LogHeader#SCHEMA} and back (see docs/replay.md). Reading keeps the
 * conversations the log routed, since later lines name them by id, and takes owners added while the router ran from
 * a roster, since lines name them by id.
 */
final class LogCodec {

    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Owner> roster;
    private final Function<RoutingPlan, Optional<RoutingConfig>> documents;

    /**
     * A codec that reads owners who joined from {@code roster} and writes a plan replacement with the document
     * {@code documents} gives for its plan.
     */
    LogCodec(Map<String, Owner> roster, Function<RoutingPlan, Optional<RoutingConfig>> documents) {
        this.roster = roster;
        this.documents = documents;
    }

    // ------------------------------------------------------------------------------------------- writing

    ObjectNode write(RoutingEvent event) {
        ObjectNode line = LogJson.MAPPER.createObjectNode();
        line.put("at", event.at().toString());
        if (event instanceof RoutingEvent.Input input) {
            writeInput(line, input.input());
        } else {
            writeOutcome(line, event);
        }
        return line;
    }

    private void writeInput(ObjectNode line, RouterInput input) {
        if (input instanceof RouterInput.Roster roster) {
            ObjectNode presences = line.put("type", "roster").putObject("presences");
            roster.presences().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> presences.put(entry.getKey(), name(entry.getValue())));
        } else if (input instanceof RouterInput.Route route) {
            line.put("type", "route").set("conversation", conversation(route.conversation()));
        } else if (input instanceof RouterInput.Release release) {
            line.put("type", "release").put("conversation", release.conversationId());
        } else if (input instanceof RouterInput.Transfer transfer) {
            line.put("type", "transfer").put("conversation", transfer.conversationId())
                    .put("to", transfer.toOwnerId()).set("handoff", handoff(transfer.handoff()));
        } else if (input instanceof RouterInput.Claim claim) {
            line.put("type", "claim").put("owner", claim.ownerId()).put("conversation", claim.conversationId());
        } else if (input instanceof RouterInput.Accept accept) {
            line.put("type", "accept").put("owner", accept.ownerId()).put("conversation", accept.conversationId());
        } else if (input instanceof RouterInput.Decline decline) {
            line.put("type", "decline").put("owner", decline.ownerId()).put("conversation", decline.conversationId())
                    .put("reason", decline.reason());
        } else if (input instanceof RouterInput.Acknowledge acknowledge) {
            line.put("type", "acknowledge").put("conversation", acknowledge.conversationId());
        } else if (input instanceof RouterInput.Link link) {
            line.put("type", "link").put("identity", link.identity()).put("other", link.otherIdentity());
        } else if (input instanceof RouterInput.ReplacePlan replace) {
            line.put("type", "replace-plan");
            documents.apply(replace.plan()).ifPresent(config -> line.set("configuration", LogHeader.document(config)));
        } else if (input instanceof RouterInput.SetPresence presence) {
            line.put("type", "set-presence").put("owner", presence.ownerId()).put("presence", name(presence.presence()));
        } else if (input instanceof RouterInput.SetCapacity capacity) {
            line.put("type", "set-capacity").put("owner", capacity.ownerId())
                    .set("capacity", capacity(capacity.capacity()));
        } else if (input instanceof RouterInput.AddOwner add) {
            line.put("type", "add-owner").put("owner", add.owner().id()).put("presence", name(add.presence()));
        } else if (input instanceof RouterInput.RemoveOwner remove) {
            line.put("type", "remove-owner").put("owner", remove.ownerId());
        } else {
            line.put("type", "tick");
        }
    }

    private void writeOutcome(ObjectNode line, RoutingEvent event) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            line.put("type", "assigned").put("conversation", assigned.conversation().id())
                    .put("owner", assigned.ownerId()).put("strategy", assigned.strategy())
                    .set("trace", trace(assigned.trace()));
        } else if (event instanceof RoutingEvent.Queued queued) {
            line.put("type", "queued").put("conversation", queued.conversation().id()).put("queue", queued.queue())
                    .put("reason", queued.reason()).put("slaDeadline", queued.slaDeadline().toString())
                    .set("trace", trace(queued.trace()));
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            line.put("type", "rejected").put("conversation", rejected.conversation().id())
                    .put("reason", rejected.reason()).set("trace", trace(rejected.trace()));
        } else if (event instanceof RoutingEvent.Offered offered) {
            line.put("type", "offered").put("conversation", offered.conversation().id())
                    .put("owner", offered.ownerId()).put("strategy", offered.strategy())
                    .put("expiresAt", offered.expiresAt().toString()).set("trace", trace(offered.trace()));
        } else if (event instanceof RoutingEvent.OfferDeclined declined) {
            line.put("type", "offer-declined").put("conversation", declined.conversation().id())
                    .put("owner", declined.ownerId()).put("reason", declined.reason());
        } else if (event instanceof RoutingEvent.OfferExpired expired) {
            line.put("type", "offer-expired").put("conversation", expired.conversation().id())
                    .put("owner", expired.ownerId()).put("expiresAt", expired.expiresAt().toString());
        } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
            line.put("type", "offer-withdrawn").put("conversation", withdrawn.conversation().id())
                    .put("owner", withdrawn.ownerId()).put("reason", withdrawn.reason());
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            line.put("type", "transferred").put("conversation", transferred.conversation().id())
                    .put("from", transferred.fromOwnerId()).put("to", transferred.toOwnerId())
                    .set("handoff", handoff(transferred.handoff()));
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            line.put("type", "rerouted").put("conversation", rerouted.conversation().id())
                    .put("from", rerouted.fromOwnerId()).put("reason", rerouted.reason());
        } else if (event instanceof RoutingEvent.Overflowed overflowed) {
            line.put("type", "overflowed").put("conversation", overflowed.conversation().id())
                    .put("from", overflowed.fromRule()).put("to", overflowed.to()).put("reason", overflowed.reason())
                    .set("now", conversation(overflowed.conversation()));
        } else if (event instanceof RoutingEvent.Joined joined) {
            line.put("type", "joined").put("conversation", joined.conversation().id())
                    .put("joined", joined.joinedConversationId()).put("from", joined.from());
        } else if (event instanceof RoutingEvent.Released released) {
            line.put("type", "released").put("conversation", released.conversation().id())
                    .put("from", released.from());
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            line.put("type", "response-deadline-missed").put("conversation", missed.conversation().id())
                    .put("owner", missed.ownerId()).put("deadline", missed.deadline().toString())
                    .put("missed", missed.missed());
        } else if (event instanceof RoutingEvent.SlaBreached breached) {
            line.put("type", "sla-breached").put("conversation", breached.conversation().id())
                    .put("queue", breached.queue()).put("slaDeadline", breached.slaDeadline().toString());
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            line.put("type", "presence-changed").put("owner", changed.ownerId()).put("from", name(changed.from()))
                    .put("to", name(changed.to()));
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            line.put("type", "capacity-changed").put("owner", changed.ownerId());
            line.set("from", capacity(changed.from()));
            line.set("to", capacity(changed.to()));
        } else if (event instanceof RoutingEvent.OwnerJoined joined) {
            line.put("type", "owner-joined").put("owner", joined.owner().id()).put("presence", name(joined.presence()));
        } else {
            line.put("type", "owner-left").put("owner", ((RoutingEvent.OwnerLeft) event).ownerId());
        }
    }

    /** A conversation as lines (and state snapshots) write it. */
    static ObjectNode conversation(Conversation conversation) {
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("id", conversation.id())
                .put("customer", conversation.customerId()).put("channel", conversation.channel())
                .put("type", conversation.type()).put("priority", name(conversation.priority()))
                .put("vip", conversation.vip()).put("language", conversation.language())
                .put("region", conversation.region());
        ArrayNode skills = node.putArray("requiredSkills");
        for (SkillRequirement skill : conversation.requiredSkills()) {
            skills.addObject().put("skill", skill.skill()).put("minProficiency", skill.minProficiency())
                    .put("optional", skill.optional());
        }
        ObjectNode attributes = node.putObject("attributes");
        conversation.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> attributes.put(entry.getKey(), entry.getValue()));
        ArrayNode preferred = node.putArray("preferredOwners");
        conversation.preferredOwners().forEach(preferred::add);
        return node.put("createdAt", conversation.createdAt().toString())
                .put("lastActivityAt", conversation.lastActivityAt().toString());
    }

    private ObjectNode handoff(Handoff handoff) {
        return LogJson.MAPPER.createObjectNode().put("summary", handoff.summary()).put("alreadySaid", handoff.alreadySaid())
                .put("nextAction", handoff.nextAction());
    }

    static ObjectNode capacity(Capacity capacity) {
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("total", capacity.total());
        ObjectNode perChannel = node.putObject("perChannel");
        capacity.perChannel().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> perChannel.put(entry.getKey(), entry.getValue()));
        return node;
    }

    static ObjectNode trace(Trace trace) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        trace.rule().ifPresent(rule -> node.putObject("rule").put("name", rule.name()).put("reason", rule.reason()));
        ArrayNode steps = node.putArray("steps");
        for (Trace.Step step : trace.steps()) {
            ObjectNode written = steps.addObject().put("strategy", step.strategy());
            Verdict verdict = step.verdict();
            if (verdict instanceof Verdict.Assign assign) {
                written.put("verdict", "assign").put("owner", assign.ownerId()).put("reason", assign.reason());
                ObjectNode cursors = written.putObject("cursors");
                assign.cursors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(entry -> cursors.put(entry.getKey(), entry.getValue()));
            } else if (verdict instanceof Verdict.Enqueue enqueue) {
                written.put("verdict", "enqueue").put("queue", enqueue.queue()).put("reason", enqueue.reason());
            } else if (verdict instanceof Verdict.Hold hold) {
                written.put("verdict", "hold").put("reason", hold.reason());
            } else if (verdict instanceof Verdict.Reject reject) {
                written.put("verdict", "reject").put("reason", reject.reason());
            } else {
                Verdict.Pass pass = (Verdict.Pass) verdict;
                written.put("verdict", "pass").put("code", name(pass.code())).put("reason", pass.reason());
            }
        }
        return node;
    }

    /** An enum constant as lines write it: lower case, with hyphens. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ------------------------------------------------------------------------------------------- reading

    RoutingEvent read(JsonNode line) {
        Instant at = instant(line, "at");
        String type = text(line, "type");
        return switch (type) {
            case "roster" -> input(at, new RouterInput.Roster(presences(object(line, "presences"))));
            case "route" -> input(at, new RouterInput.Route(newConversation(object(line, "conversation"))));
            case "release" -> input(at, new RouterInput.Release(text(line, "conversation")));
            case "transfer" -> input(at, new RouterInput.Transfer(text(line, "conversation"), text(line, "to"),
                    handoff(object(line, "handoff"))));
            case "claim" -> input(at, new RouterInput.Claim(text(line, "owner"), text(line, "conversation")));
            case "accept" -> input(at, new RouterInput.Accept(text(line, "owner"), text(line, "conversation")));
            case "decline" -> input(at, new RouterInput.Decline(text(line, "owner"), text(line, "conversation"),
                    text(line, "reason")));
            case "acknowledge" -> input(at, new RouterInput.Acknowledge(text(line, "conversation")));
            case "link" -> input(at, new RouterInput.Link(text(line, "identity"), text(line, "other")));
            case "replace-plan" -> input(at, new RouterInput.ReplacePlan(replacement(line)));
            case "set-presence" -> input(at, new RouterInput.SetPresence(text(line, "owner"),
                    enumOf(Presence.class, line, "presence")));
            case "set-capacity" -> input(at, new RouterInput.SetCapacity(text(line, "owner"),
                    capacity(object(line, "capacity"))));
            case "add-owner" -> input(at, new RouterInput.AddOwner(owner(line), enumOf(Presence.class, line, "presence")));
            case "remove-owner" -> input(at, new RouterInput.RemoveOwner(text(line, "owner")));
            case "tick" -> input(at, new RouterInput.Tick());
            case "assigned" -> new RoutingEvent.Assigned(at, known(line), text(line, "owner"), text(line, "strategy"),
                    trace(object(line, "trace")));
            case "queued" -> new RoutingEvent.Queued(at, known(line), text(line, "queue"), text(line, "reason"),
                    instant(line, "slaDeadline"), trace(object(line, "trace")));
            case "rejected" -> new RoutingEvent.Rejected(at, known(line), text(line, "reason"),
                    trace(object(line, "trace")));
            case "offered" -> new RoutingEvent.Offered(at, known(line), text(line, "owner"), text(line, "strategy"),
                    instant(line, "expiresAt"), trace(object(line, "trace")));
            case "offer-declined" -> new RoutingEvent.OfferDeclined(at, known(line), text(line, "owner"),
                    text(line, "reason"));
            case "offer-expired" -> new RoutingEvent.OfferExpired(at, known(line), text(line, "owner"),
                    instant(line, "expiresAt"));
            case "offer-withdrawn" -> new RoutingEvent.OfferWithdrawn(at, known(line), text(line, "owner"),
                    text(line, "reason"));
            case "transferred" -> new RoutingEvent.Transferred(at, known(line), text(line, "from"), text(line, "to"),
                    handoff(object(line, "handoff")));
            case "rerouted" -> new RoutingEvent.Rerouted(at, known(line), text(line, "from"), text(line, "reason"));
            case "overflowed" -> new RoutingEvent.Overflowed(at, moved(line), text(line, "from"), text(line, "to"),
                    text(line, "reason"));
            case "joined" -> new RoutingEvent.Joined(at, known(line), text(line, "joined"), text(line, "from"));
            case "released" -> new RoutingEvent.Released(at, known(line), text(line, "from"));
            case "response-deadline-missed" -> new RoutingEvent.ResponseDeadlineMissed(at, known(line),
                    text(line, "owner"), instant(line, "deadline"), integer(line, "missed"));
            case "sla-breached" -> new RoutingEvent.SlaBreached(at, known(line), text(line, "queue"),
                    instant(line, "slaDeadline"));
            case "presence-changed" -> new RoutingEvent.PresenceChanged(at, text(line, "owner"),
                    enumOf(Presence.class, line, "from"), enumOf(Presence.class, line, "to"));
            case "capacity-changed" -> new RoutingEvent.CapacityChanged(at, text(line, "owner"),
                    capacity(object(line, "from")), capacity(object(line, "to")));
            case "owner-joined" -> new RoutingEvent.OwnerJoined(at, owner(line), enumOf(Presence.class, line, "presence"));
            case "owner-left" -> new RoutingEvent.OwnerLeft(at, text(line, "owner"));
            default -> throw new LineFields.BadLine("unknown event type '" + type + "'");
        };
    }

    private static RoutingEvent input(Instant at, RouterInput input) {
        return new RoutingEvent.Input(at, input);
    }

    private Conversation newConversation(JsonNode node) {
        Conversation conversation = conversation(node);
        conversations.put(conversation.id(), conversation);
        return conversation;
    }

    /** A conversation as {@link #conversation(Conversation)} wrote it. */
    static Conversation conversation(JsonNode node) {
        List<SkillRequirement> skills = new ArrayList<>();
        for (JsonNode skill : array(node, "requiredSkills")) {
            skills.add(new SkillRequirement(text(skill, "skill"), integer(skill, "minProficiency"),
                    bool(skill, "optional")));
        }
        Map<String, String> attributes = new HashMap<>();
        JsonNode written = object(node, "attributes");
        written.fieldNames().forEachRemaining(key -> attributes.put(key, text(written, key)));
        List<String> preferred = new ArrayList<>();
        if (node.has("preferredOwners")) { // absent from lines written before conversations named them
            for (JsonNode owner : array(node, "preferredOwners")) {
                if (!owner.isTextual()) {
                    throw new LineFields.BadLine("field 'preferredOwners' must hold owner ids, was " + owner);
                }
                preferred.add(owner.asText());
            }
        }
        Instant createdAt = instant(node, "createdAt");
        return new Conversation(text(node, "id"), text(node, "customer"), text(node, "channel"),
                text(node, "type"), enumOf(Priority.class, node, "priority"), bool(node, "vip"),
                text(node, "language"), text(node, "region"), skills, attributes, createdAt,
                node.has("lastActivityAt") ? instant(node, "lastActivityAt") : createdAt, preferred);
    }

    private static RoutingPlan replacement(JsonNode line) {
        if (!line.has("configuration")) {
            throw new LineFields.BadLine("this plan replacement was recorded without its configuration, so it cannot"
                    + " be replayed (tell the recorder the new configuration with JsonLinesRecorder.replacingPlan);"
                    + " split the log here and replay each part under its plan");
        }
        return LogHeader.configuration(line, "configuration").plan();
    }

    /** The conversation as an overflow left it, which later lines name: a conversation routed on an earlier line. */
    private Conversation moved(JsonNode line) {
        known(line);
        return newConversation(object(line, "now"));
    }

    private Conversation known(JsonNode line) {
        String id = text(line, "conversation");
        Conversation conversation = conversations.get(id);
        if (conversation == null) {
            throw new LineFields.BadLine("conversation '" + id + "' was not routed on an earlier line");
        }
        return conversation;
    }

    private Owner owner(JsonNode line) {
        String id = text(line, "owner");
        Owner owner = roster.get(id);
        if (owner == null) {
            throw new LineFields.BadLine("owner '" + id + "' joined the roster here but the configuration has no such owner");
        }
        return owner;
    }

    private static Map<String, Presence> presences(JsonNode node) {
        Map<String, Presence> presences = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(owner -> presences.put(owner, enumOf(Presence.class, node, owner)));
        return presences;
    }

    private static Handoff handoff(JsonNode node) {
        return new Handoff(text(node, "summary"), text(node, "alreadySaid"), text(node, "nextAction"));
    }

    static Capacity capacity(JsonNode node) {
        Map<String, Integer> perChannel = new HashMap<>();
        JsonNode channels = object(node, "perChannel");
        channels.fieldNames().forEachRemaining(channel -> perChannel.put(channel, integer(channels, channel)));
        return new Capacity(integer(node, "total"), perChannel);
    }

    private static Trace trace(JsonNode node) {
        Optional<Trace.RuleMatch> rule = Optional.empty();
        if (node.has("rule")) {
            JsonNode match = object(node, "rule");
            rule = Optional.of(new Trace.RuleMatch(text(match, "name"), text(match, "reason")));
        }
        List<Trace.Step> steps = new ArrayList<>();
        for (JsonNode step : array(node, "steps")) {
            steps.add(new Trace.Step(text(step, "strategy"), verdict(step)));
        }
        return new Trace(rule, steps);
    }

    private static Verdict verdict(JsonNode step) {
        String reason = text(step, "reason");
        String kind = text(step, "verdict");
        return switch (kind) {
            case "assign" -> {
                Map<String, Long> cursors = new HashMap<>();
                JsonNode written = object(step, "cursors");
                written.fieldNames().forEachRemaining(key -> cursors.put(key, written.get(key).asLong()));
                yield new Verdict.Assign(text(step, "owner"), reason, cursors);
            }
            case "enqueue" -> new Verdict.Enqueue(text(step, "queue"), reason);
            case "hold" -> new Verdict.Hold(reason);
            case "reject" -> new Verdict.Reject(reason);
            case "pass" -> new Verdict.Pass(enumOf(PassReason.class, step, "code"), reason);
            default -> throw new LineFields.BadLine("unknown verdict '" + kind + "'");
        };
    }
}

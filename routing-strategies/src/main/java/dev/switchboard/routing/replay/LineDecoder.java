package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineFields.array;
import static dev.switchboard.routing.replay.LineFields.bool;
import static dev.switchboard.routing.replay.LineFields.enumOf;
import static dev.switchboard.routing.replay.LineFields.instant;
import static dev.switchboard.routing.replay.LineFields.integer;
import static dev.switchboard.routing.replay.LineFields.object;
import static dev.switchboard.routing.replay.LineFields.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.switchboard.routing.event.RoutingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the lines of schema {@value LogHeader#SCHEMA} and older (see docs/replay.md), as {@link LineEncoder} writes
 * them, each from its JSON tree. It keeps the conversations the log routed, since later lines name them by id, and
 * takes owners added while the router ran from a roster, since lines name them by id.
 */
final class LineDecoder {

    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Owner> roster;

    /** A decoder that reads owners who joined from {@code roster}. */
    LineDecoder(Map<String, Owner> roster) {
        this.roster = roster;
    }

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
            case "overflowed" -> line.has("fromQueue")
                    ? new RoutingEvent.Overflowed(at, moved(line), text(line, "from"), text(line, "fromQueue"),
                            text(line, "to"), text(line, "reason"))
                    : new RoutingEvent.Overflowed(at, moved(line), text(line, "from"), text(line, "to"),
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
        written.fieldNames().forEachRemaining(key -> attributes.put(MapKeys.decode(key), text(written, key)));
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
        node.fieldNames().forEachRemaining(owner -> presences.put(MapKeys.decode(owner),
                enumOf(Presence.class, node, owner)));
        return presences;
    }

    private static Handoff handoff(JsonNode node) {
        return new Handoff(text(node, "summary"), text(node, "alreadySaid"), text(node, "nextAction"));
    }

    static Capacity capacity(JsonNode node) {
        Map<String, Integer> perChannel = new HashMap<>();
        JsonNode channels = object(node, "perChannel");
        channels.fieldNames().forEachRemaining(channel -> perChannel.put(MapKeys.decode(channel),
                integer(channels, channel)));
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
                written.fieldNames().forEachRemaining(key -> cursors.put(MapKeys.decode(key),
                        written.get(key).asLong()));
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

package dev.switchboard.routing.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link StateSnapshot} as the JSON {@link StateSnapshotJson} describes: conversations and capacities as
 * routing logs write them ({@link LineEncoder}), owners whole, maps with their keys sorted, and an instant that stands
 * for never ({@link Instant#MIN}) left out.
 */
final class SnapshotWriter {
    private SnapshotWriter() {}

    static ObjectNode write(StateSnapshot snapshot) {
        ObjectNode root = LogJson.MAPPER.createObjectNode().put("format", StateSnapshotJson.FORMAT)
                .put("schema", StateSnapshotJson.SCHEMA).put("takenAt", snapshot.takenAt().toString())
                .put("nextRosterPosition", snapshot.nextRosterPosition());
        ArrayNode roster = root.putArray("roster");
        for (StateSnapshot.OwnerState state : snapshot.roster()) {
            ObjectNode node = roster.addObject();
            node.set("owner", owner(state.owner()));
            node.put("rosterPosition", state.rosterPosition()).put("presence", LineEncoder.name(state.presence()));
            texts(node.putArray("conversations"), state.conversationIds());
            node.set("activity", activity(state.activity()));
        }
        ArrayNode owned = root.putArray("owned");
        for (Placement.Owned placement : snapshot.owned()) {
            owned.addObject().put("owner", placement.ownerId())
                    .set("conversation", conversation(placement.conversation()));
        }
        ArrayNode offers = root.putArray("offers");
        for (Placement.Offered offer : snapshot.offers()) {
            ObjectNode node = offers.addObject();
            texts(node.putArray("owners"), offer.ownerIds());
            node.put("offeredAt", offer.offeredAt().toString()).put("expiresAt", offer.expiresAt().toString())
                    .set("conversation", conversation(offer.conversation()));
        }
        ArrayNode waiting = root.putArray("waiting");
        for (StateSnapshot.Waiting entry : snapshot.waiting()) {
            waiting.addObject().put("queue", entry.entry().queue()).put("reason", entry.entry().reason())
                    .put("enqueuedAt", entry.entry().enqueuedAt().toString())
                    .put("slaDeadline", entry.entry().slaDeadline().toString())
                    .put("breachReported", entry.breachReported())
                    .set("conversation", conversation(entry.entry().conversation()));
        }
        ObjectNode cursors = root.putObject("cursors");
        new TreeMap<>(snapshot.cursors()).forEach((scope, positions) -> {
            ObjectNode node = cursors.putObject(MapKeys.encode(scope));
            new TreeMap<>(positions).forEach((key, position) -> node.put(MapKeys.encode(key), position));
        });
        root.set("customers", customers(snapshot.customers()));
        root.set("timers", timers(snapshot.timers()));
        return root;
    }

    private static JsonNode conversation(Conversation conversation) {
        return LineEncoder.tree((encoder, out) -> encoder.conversation(out, conversation));
    }

    private static ObjectNode owner(Owner owner) {
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("id", owner.id()).put("kind", LineEncoder.name(owner.kind()));
        ObjectNode skills = node.putObject("skills");
        new TreeMap<>(owner.skills()).forEach((skill, level) -> skills.put(MapKeys.encode(skill), level));
        texts(node.putArray("languages"), owner.languages().stream().sorted().toList());
        texts(node.putArray("regions"), owner.regions().stream().sorted().toList());
        node.set("capacity", LineEncoder.tree((encoder, out) -> encoder.capacity(out, owner.capacity())));
        node.put("weight", owner.weight()).put("autoAssign", owner.autoAssign());
        owner.assignmentCap().ifPresent(cap -> node.putObject("assignmentCap").put("limit", cap.limit())
                .put("window", cap.window().toString()));
        owner.hours().ifPresent(hours -> node.set("hours", schedule(hours)));
        owner.dailyCap().ifPresent(cap -> node.putObject("dailyCap").put("limit", cap.limit())
                .put("zone", cap.zone().getId()));
        owner.wrapUp().ifPresent(time -> node.put("wrapUp", time.toString()));
        return node;
    }

    private static ObjectNode schedule(WeeklySchedule schedule) {
        ObjectNode node = LogJson.MAPPER.createObjectNode().put("zone", schedule.zone().getId());
        ObjectNode week = node.putObject("week");
        new TreeMap<>(schedule.week()).forEach((day, spans) -> spans(week.putArray(LineEncoder.name(day)), spans));
        ObjectNode exceptions = node.putObject("exceptions");
        new TreeMap<>(schedule.exceptions()).forEach((date, spans) -> spans(exceptions.putArray(date.toString()),
                spans));
        return node;
    }

    private static void spans(ArrayNode array, List<WeeklySchedule.Span> spans) {
        spans.forEach(span -> array.addObject().put("from", span.from().toString()).put("to", span.to().toString()));
    }

    private static ObjectNode activity(StateSnapshot.Activity activity) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        ever(node, "lastAssignedAt", activity.lastAssignedAt());
        texts(node.putArray("recentAssignments"), activity.recentAssignments().stream().map(Instant::toString).toList());
        ever(node, "lastReleasedAt", activity.lastReleasedAt());
        texts(node.putArray("completions"), activity.completions().stream().map(Instant::toString).toList());
        ever(node, "wrapUpUntil", activity.wrapUpUntil());
        activity.dailyCount().ifPresent(count -> node.putObject("dailyCount").put("day", count.day().toString())
                .put("received", count.received()));
        return node;
    }

    /** An instant, left out when it stands for never. */
    private static void ever(ObjectNode node, String field, Instant at) {
        if (!at.equals(Instant.MIN)) {
            node.put(field, at.toString());
        }
    }

    private static ObjectNode customers(StateSnapshot.Customers customers) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        ArrayNode memory = node.putArray("memory");
        customers.memory().forEach(remembered -> memory.addObject().put("customer", remembered.customer())
                .put("primaryOwner", remembered.primaryOwner()).put("lastOwner", remembered.lastOwner())
                .put("streak", remembered.streak()).put("servedAt", remembered.servedAt().toString()));
        ArrayNode links = node.putArray("links");
        customers.links().forEach(link -> texts(links.addObject().put("customer", link.customer())
                .putArray("identities"), link.identities()));
        node.set("aliases", lists(customers.aliases()));
        return node;
    }

    private static ObjectNode timers(StateSnapshot.Timers timers) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        node.set("offlineSince", instants(timers.offlineSince()));
        node.set("responseDeadlines", instants(timers.responseDeadlines()));
        node.set("lapsedBy", lists(timers.lapsedBy()));
        node.set("passedOver", lists(timers.passedOver()));
        return node;
    }

    private static ObjectNode instants(Map<String, Instant> instants) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        new TreeMap<>(instants).forEach((key, at) -> node.put(MapKeys.encode(key), at.toString()));
        return node;
    }

    private static ObjectNode lists(Map<String, List<String>> lists) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        new TreeMap<>(lists).forEach((key, values) -> texts(node.putArray(MapKeys.encode(key)), values));
        return node;
    }

    private static void texts(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}

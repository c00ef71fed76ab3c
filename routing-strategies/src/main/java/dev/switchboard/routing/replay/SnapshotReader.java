package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineFields.array;
import static dev.switchboard.routing.replay.LineFields.bool;
import static dev.switchboard.routing.replay.LineFields.enumOf;
import static dev.switchboard.routing.replay.LineFields.instant;
import static dev.switchboard.routing.replay.LineFields.integer;
import static dev.switchboard.routing.replay.LineFields.object;
import static dev.switchboard.routing.replay.LineFields.text;
import static dev.switchboard.routing.replay.LineFields.wholeLong;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerKind;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.WeeklySchedule;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads the JSON {@link SnapshotWriter} writes. Each part is read at its path ({@code roster[2].activity}), and a
 * problem there is a {@link BadSnapshot} naming the path and the field; conversations and capacities are read as
 * routing logs read them ({@link LineDecoder}), and the snapshot's own checks run last, on the whole.
 */
final class SnapshotReader {
    private SnapshotReader() {}

    /** A snapshot document that cannot be read, with the path of the problem. */
    static final class BadSnapshot extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadSnapshot(String path, String problem) {
            super("state snapshot at " + path + ": " + problem);
        }
    }

    static StateSnapshot read(JsonNode root) {
        at("$", () -> header(root));
        StateSnapshot.Customers customers = at("customers", () -> customers(object(root, "customers")));
        StateSnapshot.Timers timers = at("timers", () -> timers(object(root, "timers")));
        List<StateSnapshot.OwnerState> roster = elements(root, "roster", "roster", SnapshotReader::ownerState);
        List<Placement.Owned> owned = elements(root, "owned", "owned", (node, path) -> new Placement.Owned(
                conversation(node, path), text(node, "owner")));
        List<Placement.Offered> offers = elements(root, "offers", "offers", (node, path) -> new Placement.Offered(
                conversation(node, path), texts(node, "owners"), instant(node, "offeredAt"),
                instant(node, "expiresAt")));
        List<StateSnapshot.Waiting> waiting = elements(root, "waiting", "waiting", (node, path) ->
                new StateSnapshot.Waiting(new WaitingConversation(conversation(node, path), text(node, "queue"),
                        text(node, "reason"), instant(node, "enqueuedAt"), instant(node, "slaDeadline")),
                        bool(node, "breachReported")));
        Map<String, Map<String, Long>> cursors = at("cursors", () -> {
            Map<String, Map<String, Long>> scopes = new HashMap<>();
            fields(object(root, "cursors")).forEach((scope, positions) -> scopes.put(scope,
                    at("cursors." + scope, () -> wholes(positions))));
            return scopes;
        });
        return at("$", () -> new StateSnapshot(instant(root, "takenAt"), roster, wholeLong(root, "nextRosterPosition"),
                owned, offers, waiting, cursors, customers, timers));
    }

    private static Void header(JsonNode root) {
        if (!root.isObject() || !StateSnapshotJson.FORMAT.equals(root.path("format").asText())) {
            throw new LineFields.BadLine("not a state snapshot: the document must be an object with \"format\":\""
                    + StateSnapshotJson.FORMAT + "\"");
        }
        int schema = integer(root, "schema");
        if (schema != StateSnapshotJson.SCHEMA) {
            throw new LineFields.BadLine("schema " + schema + " is not the schema this reader reads, "
                    + StateSnapshotJson.SCHEMA);
        }
        return null;
    }

    /** Reads a part at its path, naming the path in any problem but one already named deeper. */
    private static <T> T at(String path, Supplier<T> read) {
        try {
            return read.get();
        } catch (BadSnapshot named) {
            throw named;
        } catch (LineFields.BadLine | IllegalArgumentException | DateTimeException problem) {
            throw new BadSnapshot(path, problem.getMessage());
        }
    }

    private static <T> List<T> elements(JsonNode node, String field, String path,
            BiFunction<JsonNode, String, T> read) {
        JsonNode elements = at(path, () -> array(node, field));
        List<T> values = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String where = path + "[" + i + "]";
            JsonNode element = elements.get(i);
            values.add(at(where, () -> {
                if (!element.isObject()) {
                    throw new LineFields.BadLine("must be an object, was " + element);
                }
                return read.apply(element, where);
            }));
        }
        return values;
    }

    private static Conversation conversation(JsonNode node, String path) {
        return at(path + ".conversation", () -> LineDecoder.conversation(object(node, "conversation")));
    }

    private static StateSnapshot.OwnerState ownerState(JsonNode node, String path) {
        Owner owner = at(path + ".owner", () -> owner(object(node, "owner")));
        StateSnapshot.Activity activity = at(path + ".activity", () -> activity(object(node, "activity")));
        return new StateSnapshot.OwnerState(owner, wholeLong(node, "rosterPosition"),
                enumOf(Presence.class, node, "presence"), texts(node, "conversations"), activity);
    }

    private static Owner owner(JsonNode node) {
        Owner.Builder owner = Owner.builder(text(node, "id"), enumOf(OwnerKind.class, node, "kind"));
        JsonNode skills = object(node, "skills");
        skills.fieldNames().forEachRemaining(skill -> owner.skill(MapKeys.decode(skill), integer(skills, skill)));
        owner.languages(texts(node, "languages").toArray(String[]::new))
                .regions(texts(node, "regions").toArray(String[]::new))
                .capacity(LineDecoder.capacity(object(node, "capacity")))
                .weight(integer(node, "weight")).autoAssign(bool(node, "autoAssign"));
        if (node.has("assignmentCap")) {
            JsonNode cap = object(node, "assignmentCap");
            owner.assignmentCap(integer(cap, "limit"), duration(cap, "window"));
        }
        if (node.has("hours")) {
            owner.hours(at("hours", () -> schedule(object(node, "hours"))));
        }
        if (node.has("dailyCap")) {
            JsonNode cap = object(node, "dailyCap");
            owner.dailyCap(integer(cap, "limit"), ZoneId.of(text(cap, "zone")));
        }
        if (node.has("wrapUp")) {
            owner.wrapUp(duration(node, "wrapUp"));
        }
        return owner.build();
    }

    private static WeeklySchedule schedule(JsonNode node) {
        Map<DayOfWeek, List<WeeklySchedule.Span>> week = new EnumMap<>(DayOfWeek.class);
        fields(object(node, "week")).forEach((day, spans) -> week.put(day(day), spans(spans)));
        Map<LocalDate, List<WeeklySchedule.Span>> exceptions = new HashMap<>();
        fields(object(node, "exceptions")).forEach((date, spans) -> exceptions.put(LocalDate.parse(date),
                spans(spans)));
        return new WeeklySchedule(ZoneId.of(text(node, "zone")), week, exceptions);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (LineEncoder.name(day).equals(name)) {
                return day;
            }
        }
        throw new LineFields.BadLine("field 'week' has unknown day '" + name + "'; expected monday to sunday");
    }

    private static List<WeeklySchedule.Span> spans(JsonNode spans) {
        List<WeeklySchedule.Span> read = new ArrayList<>();
        for (JsonNode span : spans) {
            read.add(new WeeklySchedule.Span(LocalTime.parse(text(span, "from")), LocalTime.parse(text(span, "to"))));
        }
        return read;
    }

    private static StateSnapshot.Activity activity(JsonNode node) {
        Optional<StateSnapshot.DailyCount> daily = Optional.empty();
        if (node.has("dailyCount")) {
            JsonNode count = object(node, "dailyCount");
            daily = Optional.of(new StateSnapshot.DailyCount(LocalDate.parse(text(count, "day")),
                    integer(count, "received")));
        }
        return new StateSnapshot.Activity(ever(node, "lastAssignedAt"), instantList(node, "recentAssignments"),
                ever(node, "lastReleasedAt"), instantList(node, "completions"), ever(node, "wrapUpUntil"), daily);
    }

    /** An instant, or never when it is left out. */
    private static Instant ever(JsonNode node, String field) {
        return node.has(field) ? instant(node, field) : Instant.MIN;
    }

    private static StateSnapshot.Customers customers(JsonNode node) {
        List<StateSnapshot.CustomerMemory> memory = elements(node, "memory", "customers.memory", (remembered, path) ->
                new StateSnapshot.CustomerMemory(text(remembered, "customer"), text(remembered, "primaryOwner"),
                        text(remembered, "lastOwner"), integer(remembered, "streak"), instant(remembered, "servedAt")));
        List<StateSnapshot.LinkedIdentities> links = elements(node, "links", "customers.links", (link, path) ->
                new StateSnapshot.LinkedIdentities(text(link, "customer"), texts(link, "identities")));
        return new StateSnapshot.Customers(memory, links, at("customers.aliases", () -> lists(object(node,
                "aliases"))));
    }

    private static StateSnapshot.Timers timers(JsonNode node) {
        return new StateSnapshot.Timers(at("timers.offlineSince", () -> instants(object(node, "offlineSince"))),
                at("timers.responseDeadlines", () -> instants(object(node, "responseDeadlines"))),
                at("timers.lapsedBy", () -> lists(object(node, "lapsedBy"))),
                at("timers.passedOver", () -> lists(object(node, "passedOver"))));
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new HashMap<>();
        object.properties().forEach(field -> fields.put(MapKeys.decode(field.getKey()), field.getValue()));
        return fields;
    }

    private static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        JsonNode values = array(node, field);
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isTextual()) {
                throw new LineFields.BadLine("field '" + field + "' must hold strings, was " + values.get(i));
            }
            texts.add(values.get(i).asText());
        }
        return texts;
    }

    private static List<Instant> instantList(JsonNode node, String field) {
        JsonNode array = array(node, field);
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String element = field + "[" + i + "]";
            instants.add(instant(LogJson.MAPPER.createObjectNode().set(element, array.get(i)), element));
        }
        return instants;
    }

    private static Map<String, Instant> instants(JsonNode object) {
        Map<String, Instant> instants = new HashMap<>();
        object.fieldNames().forEachRemaining(key -> instants.put(MapKeys.decode(key), instant(object, key)));
        return instants;
    }

    private static Map<String, List<String>> lists(JsonNode object) {
        Map<String, List<String>> lists = new HashMap<>();
        object.fieldNames().forEachRemaining(key -> lists.put(MapKeys.decode(key), texts(object, key)));
        return lists;
    }

    private static Map<String, Long> wholes(JsonNode object) {
        Map<String, Long> wholes = new HashMap<>();
        object.properties().forEach(field -> {
            if (!field.getValue().isIntegralNumber() || !field.getValue().canConvertToLong()) {
                throw new LineFields.BadLine("field '" + field.getKey() + "' must be a whole number, was "
                        + field.getValue());
            }
            wholes.put(MapKeys.decode(field.getKey()), field.getValue().longValue());
        });
        return wholes;
    }

    private static Duration duration(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Duration.parse(value);
        } catch (DateTimeException e) {
            throw new LineFields.BadLine("field '" + field + "' must be an ISO-8601 duration, was '" + value + "'");
        }
    }
}

package dev.switchboard.routing.examples.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.examples.simulator.Scenario.AgentSpec;
import dev.switchboard.routing.examples.simulator.Scenario.Arrivals;
import dev.switchboard.routing.examples.simulator.Scenario.ConversationType;
import dev.switchboard.routing.examples.simulator.Scenario.Peak;
import dev.switchboard.routing.examples.simulator.Scenario.Specialists;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads a {@link Scenario} from JSON and checks it, so that every mistake is reported with the path of the field
 * at fault, such as {@code agents[3].shift.end}. Unknown fields are refused too, to catch typos. Times of day are
 * {@code "HH:mm"}, durations are whole minutes in fields whose names end in {@code Minutes}, and mixes are objects
 * from a name to a relative weight. The shipped default is {@value #DEFAULT}.
 */
final class ScenarioFile {

    /** The scenario used when none is given, on the class path. */
    static final String DEFAULT = "/simulator/helpdesk-day.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioFile() {}

    /** The shipped default scenario. */
    static Scenario readDefault() {
        try (InputStream in = ScenarioFile.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the default scenario " + DEFAULT + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a scenario file. */
    static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses and checks a scenario; {@code source} names it in error messages. */
    static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + ": is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(source + ": is empty");
        }
        try {
            return scenario(new Node(root, ""));
        } catch (ScenarioException e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    private static Scenario scenario(Node root) {
        root.only("name", "opens", "closes", "queueSlaMinutes", "arrivals", "agents");
        LocalTime opens = root.field("opens").time();
        Node closesNode = root.field("closes");
        LocalTime closes = closesNode.time();
        if (!closes.isAfter(opens)) {
            throw closesNode.invalid("must be after opens (" + opens + ")");
        }
        Arrivals arrivals = arrivals(root.field("arrivals"), opens, closes);
        List<AgentSpec> agents = root.field("agents").list(ScenarioFile::agent);
        if (agents.isEmpty()) {
            throw root.field("agents").invalid("must list at least one agent");
        }
        unique(root.field("agents"), agents.stream().map(AgentSpec::id).toList(), "id");
        return new Scenario(root.field("name").text(), opens, closes, root.field("queueSlaMinutes").minutes(),
                arrivals, agents);
    }

    /** Refuses a list whose items repeat a name, naming the second one. */
    private static void unique(Node list, List<String> names, String field) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw list.item(i).field(field).invalid("repeats the " + field + " '" + names.get(i) + "'");
            }
        }
    }

    private static Arrivals arrivals(Node node, LocalTime opens, LocalTime closes) {
        node.only("conversations", "peaks", "returningShare", "vipShare", "specialists", "channels", "languages",
                "priorities", "types");
        List<Peak> peaks = node.field("peaks").list(peak -> {
            peak.only("at", "spreadMinutes", "share");
            LocalTime at = peak.field("at").time();
            if (at.isBefore(opens) || !at.isBefore(closes)) {
                throw peak.field("at").invalid("must be between opens (" + opens + ") and closes (" + closes + ")");
            }
            return new Peak(at, peak.field("spreadMinutes").minutes(), peak.field("share").fraction());
        });
        double peakShares = peaks.stream().mapToDouble(Peak::share).sum();
        if (peakShares > 1.0 + 1e-9) {
            throw node.field("peaks").invalid("shares add up to " + peakShares + "; they must add up to 1 or less");
        }
        Node specialists = node.field("specialists");
        specialists.only("share", "level", "triageMinutes");
        List<ConversationType> types = node.field("types").list(type -> {
            type.only("name", "weight", "skill", "handlingMinutes");
            return new ConversationType(type.field("name").key(), type.field("weight").weight(),
                    type.field("skill").key(), type.field("handlingMinutes").minutes());
        });
        if (types.isEmpty()) {
            throw node.field("types").invalid("must list at least one type");
        }
        unique(node.field("types"), types.stream().map(ConversationType::name).toList(), "name");
        return new Arrivals(
                node.field("conversations").integer(1, 1_000_000),
                peaks,
                node.field("returningShare").fraction(),
                node.field("vipShare").fraction(),
                new Specialists(specialists.field("share").fraction(), specialists.field("level").integer(0, 100),
                        specialists.field("triageMinutes").minutes()),
                node.field("channels").mix(Function.identity()),
                node.field("languages").mix(Function.identity()),
                node.field("priorities").mix(ScenarioFile::priority),
                types);
    }

    private static Priority priority(String name) {
        try {
            return Priority.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AgentSpec agent(Node node) {
        node.only("id", "skills", "languages", "capacity", "channelCapacity", "weight", "shift");
        Node shift = node.field("shift");
        shift.only("start", "end");
        LocalTime start = shift.field("start").time();
        LocalTime end = shift.field("end").time();
        if (!end.isAfter(start)) {
            throw shift.field("end").invalid("must be after shift.start (" + start + ")");
        }
        Map<String, Integer> channelCapacity = node.has("channelCapacity")
                ? node.field("channelCapacity").levels(0, 100)
                : Map.of();
        return new AgentSpec(node.field("id").text(), node.field("skills").levels(0, 10),
                node.field("languages").list(Node::key), node.field("capacity").integer(1, 100), channelCapacity,
                node.field("weight").integer(0, 1_000_000), start, end);
    }

    /** A JSON node and its path from the root, for error messages. */
    private record Node(JsonNode json, String path) {

        ScenarioException invalid(String problem) {
            String shown = json.isTextual() ? "\"" + json.asText() + "\"" : json.toString();
            return new ScenarioException(path + " " + problem + ", was " + shown);
        }

        ScenarioException missing() {
            return new ScenarioException(path + " is missing");
        }

        boolean has(String name) {
            return json.has(name);
        }

        Node field(String name) {
            JsonNode child = json.get(name);
            Node node = new Node(child, path.isEmpty() ? name : path + "." + name);
            if (child == null || child.isNull()) {
                throw node.missing();
            }
            return node;
        }

        Node item(int index) {
            return new Node(json.get(index), path + "[" + index + "]");
        }

        /** Refuses fields other than the known ones, so that a misspelt field is not silently ignored. */
        void only(String... known) {
            if (!json.isObject()) {
                throw invalid("must be an object");
            }
            Set<String> allowed = Set.of(known);
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new ScenarioException((path.isEmpty() ? "" : path + ".") + name
                            + " is not a known field; the known ones are " + String.join(", ", known));
                }
            }
        }

        String text() {
            if (!json.isTextual() || json.asText().isBlank()) {
                throw invalid("must be a non-empty string");
            }
            return json.asText().trim();
        }

        /** A name matched case-insensitively, as the library stores it: trimmed and lower-cased. */
        String key() {
            return text().toLowerCase(Locale.ROOT);
        }

        LocalTime time() {
            try {
                return LocalTime.parse(text());
            } catch (DateTimeParseException e) {
                throw invalid("must be a time of day such as \"08:30\"");
            }
        }

        int integer(int min, int max) {
            if (!json.isIntegralNumber() || json.asLong() < min || json.asLong() > max) {
                throw invalid("must be a whole number from " + min + " to " + max);
            }
            return json.asInt();
        }

        Duration minutes() {
            return Duration.ofMinutes(integer(1, 24 * 60));
        }

        double fraction() {
            if (!json.isNumber() || json.asDouble() < 0 || json.asDouble() > 1) {
                throw invalid("must be a number from 0 to 1");
            }
            return json.asDouble();
        }

        double weight() {
            if (!json.isNumber() || !(json.asDouble() > 0)) {
                throw invalid("must be a number above 0");
            }
            return json.asDouble();
        }

        <T> List<T> list(Function<Node, T> each) {
            if (!json.isArray()) {
                throw invalid("must be an array");
            }
            List<T> items = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                items.add(each.apply(item(i)));
            }
            return List.copyOf(items);
        }

        /** An object of names to relative weights, in the file's order; {@code name} maps a field name to a key. */
        <K> Map<K, Double> mix(Function<String, K> name) {
            Map<K, Double> weights = new LinkedHashMap<>();
            forEachField((key, value) -> {
                K parsed = name.apply(key);
                if (parsed == null) {
                    throw new ScenarioException(value.path + " is not a known name");
                }
                weights.put(parsed, value.weight());
            });
            if (weights.isEmpty()) {
                throw invalid("must name at least one entry");
            }
            return Collections.unmodifiableMap(weights);
        }

        /** An object of names to whole numbers (skill levels, channel limits), in the file's order. */
        Map<String, Integer> levels(int min, int max) {
            Map<String, Integer> levels = new LinkedHashMap<>();
            forEachField((key, value) -> levels.put(key.trim().toLowerCase(Locale.ROOT), value.integer(min, max)));
            return Collections.unmodifiableMap(levels);
        }

        private void forEachField(BiConsumer<String, Node> action) {
            if (!json.isObject()) {
                throw invalid("must be an object");
            }
            for (Map.Entry<String, JsonNode> entry : json.properties()) {
                action.accept(entry.getKey(), new Node(entry.getValue(), path + "." + entry.getKey()));
            }
        }
    }
}

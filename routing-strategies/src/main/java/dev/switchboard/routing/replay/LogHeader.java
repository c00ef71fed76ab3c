package dev.switchboard.routing.replay;

import static dev.switchboard.routing.replay.LineFields.bool;
import static dev.switchboard.routing.replay.LineFields.integer;
import static dev.switchboard.routing.replay.LineFields.object;
import static dev.switchboard.routing.replay.LineFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.routing.IdentityKey;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.config.ConfigException;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A log's first line: the schema, and (from schema 2) the configuration document and the {@link RouterSettings} of
 * the router it was recorded from.
 *
 * @param schema the schema the log is written in
 * @param configuration the configuration the router was built from, when the recorder was given it
 * @param settings the options set on top of the configuration
 */
record LogHeader(int schema, Optional<RoutingConfig> configuration, RouterSettings settings) {

    static final int SCHEMA = 3;
    static final String TYPE = "header";
    static final String FORMAT = "switchboard-routing-log";

    ObjectNode write() {
        ObjectNode line = LogJson.MAPPER.createObjectNode().put("type", TYPE).put("schema", schema)
                .put("format", FORMAT);
        configuration.ifPresent(config -> line.set("configuration", document(config)));
        line.set("settings", settings(settings));
        return line;
    }

    /** A configuration's document as a JSON tree. */
    static JsonNode document(RoutingConfig config) {
        try {
            return LogJson.MAPPER.readTree(config.write());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a configuration wrote invalid JSON", impossible);
        }
    }

    /** A document embedded in a line, loaded and checked. */
    static RoutingConfig configuration(JsonNode line, String name) {
        try {
            return RoutingConfig.load(object(line, name).toString());
        } catch (ConfigException e) {
            throw new LineFields.BadLine("field '" + name + "' is not a valid configuration: " + e.getMessage());
        }
    }

    static LogHeader read(JsonNode line) {
        if (!TYPE.equals(line.path("type").asText()) || !FORMAT.equals(line.path("format").asText())) {
            throw new LineFields.BadLine("not a routing log: the first line must be the header {\"type\":\"header\","
                    + "\"schema\":" + SCHEMA + ",\"format\":\"" + FORMAT + "\",...}");
        }
        int schema = integer(line, "schema");
        if (schema > SCHEMA) {
            throw new LineFields.BadLine("schema " + schema + " is newer than this reader, which reads schema "
                    + SCHEMA + " and older; upgrade Switchboard to read it");
        }
        if (schema < 1) {
            throw new LineFields.BadLine("schema must be 1 or more, was " + schema);
        }
        Optional<RoutingConfig> configuration = line.has("configuration")
                ? Optional.of(configuration(line, "configuration")) : Optional.empty();
        RouterSettings settings = line.has("settings") ? settings(object(line, "settings")) : RouterSettings.NONE;
        return new LogHeader(schema, configuration, settings);
    }

    private static ObjectNode settings(RouterSettings settings) {
        ObjectNode node = LogJson.MAPPER.createObjectNode();
        settings.priorityAging().ifPresent(step -> node.put("priorityAging", step.toString()));
        settings.offlineGrace().ifPresent(grace -> node.put("offlineGrace", grace.toString()));
        settings.customerMemory().ifPresent(memory -> node.putObject("customerMemory")
                .put("maxCustomers", memory.maxCustomers()).put("ttl", memory.ttl().toString()));
        if (!settings.responseDeadlines().isEmpty()) {
            ObjectNode deadlines = node.putObject("responseDeadlines");
            settings.responseDeadlines().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                    deadlines.put(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue().toString()));
        }
        settings.responseReview().ifPresent(review -> node.putObject("responseReview")
                .put("maxBounces", review.maxBounces()).put("queue", review.queue()));
        settings.oneConversationPerCustomer().ifPresent(one -> node.put("oneConversationPerCustomer", one));
        if (!settings.linkIdentitiesBy().isEmpty()) {
            settings.linkIdentitiesBy().stream().sorted()
                    .forEach(key -> node.withArray("linkIdentitiesBy").add(key.attribute()));
        }
        settings.wrapUp().ifPresent(time -> node.put("wrapUp", time.toString()));
        settings.serveByLastActivity().ifPresent(value -> node.put("serveByLastActivity", value));
        return node;
    }

    private static RouterSettings settings(JsonNode node) {
        RouterSettings.Builder settings = RouterSettings.builder();
        try {
            if (node.has("priorityAging")) {
                settings.priorityAging(duration(node, "priorityAging"));
            }
            if (node.has("offlineGrace")) {
                settings.offlineGrace(duration(node, "offlineGrace"));
            }
            if (node.has("customerMemory")) {
                JsonNode memory = object(node, "customerMemory");
                settings.customerMemory(memory.path("maxCustomers").asLong(), duration(memory, "ttl"));
            }
            if (node.has("responseDeadlines")) {
                JsonNode deadlines = object(node, "responseDeadlines");
                deadlines.fieldNames().forEachRemaining(priority -> settings.responseDeadline(
                        priority(priority), duration(deadlines, priority)));
            }
            if (node.has("responseReview")) {
                JsonNode review = object(node, "responseReview");
                settings.responseReview(integer(review, "maxBounces"), text(review, "queue"));
            }
            if (node.has("oneConversationPerCustomer")) {
                settings.oneConversationPerCustomer(bool(node, "oneConversationPerCustomer"));
            }
            for (JsonNode key : node.path("linkIdentitiesBy")) {
                settings.linkIdentitiesBy(IdentityKey.valueOf(key.asText().toUpperCase(Locale.ROOT)));
            }
            if (node.has("wrapUp")) {
                settings.wrapUp(duration(node, "wrapUp"));
            }
            if (node.has("serveByLastActivity")) {
                settings.serveByLastActivity(bool(node, "serveByLastActivity"));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new LineFields.BadLine("settings: " + e.getMessage());
        }
        return settings.build();
    }

    private static Priority priority(String name) {
        for (Priority priority : Priority.values()) {
            if (priority.name().toLowerCase(Locale.ROOT).equals(name)) {
                return priority;
            }
        }
        throw new LineFields.BadLine("settings: responseDeadlines has unknown priority '" + name + "'");
    }

    private static Duration duration(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new LineFields.BadLine("field '" + name + "' must be an ISO-8601 duration, was '" + text + "'");
        }
    }
}

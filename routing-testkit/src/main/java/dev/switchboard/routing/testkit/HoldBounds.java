package dev.switchboard.routing.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.routing.config.RoutingConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each rule's chain may hold a conversation before it must place it: the sum of its sticky steps' wait
 * windows and its agent-pick steps' claim deadlines, read from the configuration's document (the strategies do not
 * say).
 */
final class HoldBounds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HoldBounds() {}

    /** Rule id to the sum of its steps' waits, for rules whose steps wait at all. */
    static Map<String, Duration> of(RoutingConfig config) {
        JsonNode document;
        try {
            document = JSON.readTree(config.write());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a configuration wrote a document it cannot read", impossible);
        }
        Map<String, Duration> holds = new LinkedHashMap<>();
        for (JsonNode rule : document.path("rules")) {
            Duration hold = Duration.ZERO;
            for (JsonNode step : rule.path("then").path("chain")) {
                hold = hold.plus(duration(step, "waitWindow")).plus(duration(step, "deadline"));
            }
            if (!hold.isZero()) {
                holds.put(rule.path("id").asText(), hold);
            }
        }
        return holds;
    }

    private static Duration duration(JsonNode step, String field) {
        return step.has(field) ? Duration.parse(step.get(field).asText()) : Duration.ZERO;
    }
}

package dev.switchboard.routing.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Router;
import java.time.Instant;
import java.util.List;

/** Small configuration documents for tests: a front desk with a review queue, and rules added to it. */
final class Documents {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** Two agents on a desk team, a desk queue and a review queue, declared attributes, and {@code %s} rules. */
    private static final String DESK = """
            {
              "attributes": {"offer": "text", "fitTier": "text", "fitScore": "number"},
              "owners": [
                {"id": "ana", "languages": ["en", "es"], "regions": ["emea"], "skills": {"billing": 3},
                 "capacity": 2, "channelCapacity": {"phone": 1}, "weight": 2},
                {"id": "ben", "kind": "agent", "languages": ["en"], "capacity": 2}
              ],
              "teams": [{"id": "desk", "members": ["ana", "ben"]}],
              "queues": [{"id": "desk", "sla": "PT15M"}, {"id": "review", "sla": "PT4H"}],
              "rules": [
                %s
                {"id": "review", "then": {"queue": "review"}}
              ]
            }
            """;

    private Documents() {}

    /** The desk document with these rules before its review rule; each rule's JSON is followed by a comma. */
    static String desk(String... rules) {
        StringBuilder text = new StringBuilder();
        for (String rule : rules) {
            text.append(rule).append(",\n");
        }
        return DESK.formatted(text);
    }

    /** A rule sending what matches {@code when} to the desk team by round-robin. */
    static String toDesk(String id, String when) {
        return """
                {"id": "%s", "when": %s,
                 "then": {"team": "desk", "queue": "desk", "chain": [{"type": "round-robin"}]}}"""
                .formatted(id, when);
    }

    static Router router(RoutingConfig config) {
        return config.routerBuilder().clock(new ManualClock(NOW)).build();
    }

    static Conversation.Builder conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(NOW);
    }

    /** The rule that decided, by name, or "" when the trace names none. */
    static String ruleOf(Decision decision) {
        return decision.trace().rule().map(rule -> rule.name()).orElse("");
    }

    /** The problems loading a document reports. */
    static List<ConfigException.Problem> problemsOf(String json) {
        ConfigException[] thrown = new ConfigException[1];
        assertThatThrownBy(() -> RoutingConfig.load(json)).isInstanceOfSatisfying(ConfigException.class,
                exception -> thrown[0] = exception);
        return thrown[0].problems();
    }

    static ConfigException.Problem problem(String path, String message) {
        return new ConfigException.Problem(path, message);
    }

    /** Where {@code written} first starts in {@code json}, as problems say it: {@code " (line 3, column 17)"}. */
    static String at(String json, String written) {
        int index = json.indexOf(written);
        if (index < 0) {
            throw new IllegalArgumentException("'" + written + "' is not in the document");
        }
        long line = json.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        return " (line " + line + ", column " + (index - json.lastIndexOf('\n', index - 1)) + ")";
    }
}
